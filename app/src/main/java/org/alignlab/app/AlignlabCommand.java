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
        subcommands = {LandscapeCommand.class, ListCommand.class, DescribeCommand.class, RunCommand.class,
                ReproduceCommand.class, RunsCommand.class, ReportCommand.class, CompletionCommand.class},
        footer = {"", "Exit codes: 0 done, 1 internal error (trace in the store's alignlab.log), 2 bad input or "
                + "interrupted.", "Store: --store PATH, else $ALIGNLAB_HOME/alignlab.db, else ./runs/alignlab.db."})
public final class AlignlabCommand implements Callable<Integer> {
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
