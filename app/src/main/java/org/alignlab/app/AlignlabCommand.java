package org.alignlab.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code alignlab}: the AI-alignment research landscape, runnable. */
@Command(name = "alignlab", mixinStandardHelpOptions = true, version = "alignlab 0.1.0",
        description = {"The AI-alignment research landscape, runnable: each place on the map has experiments that "
                + "reproduce the field's canonical results and say, with numbers, whether they did."},
        footer = {"", "Exit codes: 0 done, 1 internal error (trace in the store's alignlab.log), 2 bad input or "
                + "interrupted.", "Store: --store PATH, else $ALIGNLAB_HOME/alignlab.db, else ./runs/alignlab.db."})
public final class AlignlabCommand implements Callable<Integer> {
    /** The subcommands, by name. Only the one a command line names is built (picocli reflection is slow to start). */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("landscape", LandscapeCommand.class);
        m.put("list", ListCommand.class);
        m.put("describe", DescribeCommand.class);
        m.put("run", RunCommand.class);
        m.put("reproduce", ReproduceCommand.class);
        m.put("runs", RunsCommand.class);
        m.put("report", ReportCommand.class);
        m.put("env", EnvCommand.class);
        m.put("power", PowerCommand.class);
        m.put("game", GameCommand.class);
        m.put("neural", NeuralCommand.class);
        m.put("completion", CompletionCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    final Cli cli;

    @Spec
    CommandSpec spec;

    AlignlabCommand(Cli cli) {
        this.cli = cli;
    }

    @Option(names = "--store", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The run store (an SQLite file); run folders are created next to it.")
    void store(Path path) {
        cli.storePath = path;
    }

    @Option(names = "--artifacts", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where run folders (figures, files) go; default: next to the store.")
    void artifacts(Path path) {
        cli.artifactPath = path;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(cli.out);
        return Cli.OK;
    }
}
