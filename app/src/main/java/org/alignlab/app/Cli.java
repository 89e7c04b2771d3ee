package org.alignlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Supplier;
import org.alignlab.core.CancellationToken;
import org.alignlab.core.ExperimentRegistry;
import org.alignlab.core.Progress;
import org.alignlab.core.UsageException;
import org.alignlab.core.store.RunStore;
import org.alignlab.landscape.Landscape;
import org.alignlab.landscape.LandscapeMap;
import picocli.CommandLine;

/**
 * One invocation of the command line: where it prints, which experiments and map it sees, the store it opens on
 * first use, and how errors become exit codes (0 ok, 1 a bug with its trace in the log, 2 a user's mistake).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int BUG = 1;
    public static final int USAGE = 2;

    final PrintStream out;
    final PrintStream err;
    final CancellationToken cancel;
    private final Supplier<ExperimentRegistry> registrySupplier;
    private final Supplier<Landscape> landscapeSupplier;
    private final boolean interactive;
    private ExperimentRegistry registry;
    private Landscape landscape;
    private volatile RunStore store;
    Path storePath;
    Path artifactPath;

    Cli(PrintStream out, PrintStream err, CancellationToken cancel, Supplier<ExperimentRegistry> registry,
        Supplier<Landscape> landscape, boolean interactive) {
        this.out = out;
        this.err = err;
        this.cancel = cancel;
        this.registrySupplier = registry;
        this.landscapeSupplier = landscape;
        this.interactive = interactive;
    }

    /** The real command line: experiments from the class path, the map from its data file. */
    public static Cli standard(PrintStream out, PrintStream err, CancellationToken cancel) {
        return new Cli(out, err, cancel, ExperimentRegistry::load, Landscape::load, System.console() != null);
    }

    /** For tests and embedding: given experiments, no progress bars. */
    public static Cli of(PrintStream out, PrintStream err, CancellationToken cancel, ExperimentRegistry registry,
                         Landscape landscape) {
        return new Cli(out, err, cancel, () -> registry, () -> landscape, false);
    }

    public int execute(String... args) {
        CommandLine cl = commandLine(args);
        try {
            return cl.execute(args);
        } finally {
            closeStore();
        }
    }

    /**
     * The command tree for these arguments: the root plus only the subcommand they name (all of them when they name
     * none, or for {@code completion}), because building every subcommand by reflection costs start-up time.
     */
    CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new AlignlabCommand(this));
        String named = firstWord(args);
        for (var e : AlignlabCommand.SUBCOMMANDS.entrySet()) {
            if (named == null || named.equals("completion") || !AlignlabCommand.SUBCOMMANDS.containsKey(named)
                    || named.equals(e.getKey())) {
                cl.addSubcommand(e.getKey(), e.getValue());
            }
        }
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            String sub = ex.getCommandLine().getCommandName();
            String help = ex.getCommandLine() == cl ? "alignlab --help" : "alignlab " + qualified(ex.getCommandLine())
                    + " --help";
            err.println("alignlab: " + oneLine(ex.getMessage()) + " (see " + help + ")");
            if (sub == null) err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex));
        return cl;
    }

    /** The first word that is not a root option or its value. */
    private static String firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--store") || a.equals("--artifacts")) {
                i++;
                continue;
            }
            if (a.startsWith("-")) continue;
            return a;
        }
        return null;
    }

    private static String qualified(CommandLine c) {
        StringBuilder sb = new StringBuilder(c.getCommandName());
        for (CommandLine p = c.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
            sb.insert(0, p.getCommandName() + " ");
        }
        return sb.toString();
    }

    int handle(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof UsageException) && !(t instanceof CancellationToken.CancelledException)) {
            if (t.getCause() instanceof UsageException || t.getCause() instanceof CancellationToken.CancelledException) {
                t = t.getCause();
                break;
            }
            t = t.getCause();
        }
        if (t instanceof UsageException u) {
            err.println("alignlab: " + oneLine(u.getMessage()));
            return USAGE;
        }
        if (t instanceof CancellationToken.CancelledException || cancel.isCancelled()) {
            int n = killOwnRuns("interrupted");
            err.println("alignlab: interrupted; the running run was stored as KILLED"
                    + (n > 0 ? " (" + n + " more marked)" : "") + ", everything written before is kept");
            return USAGE;
        }
        Path log = writeTrace(ex);
        err.println("alignlab: internal error: " + oneLine(String.valueOf(ex)) + (log == null ? ""
                : " (stack trace in " + log + ")"));
        return BUG;
    }

    private Path writeTrace(Throwable ex) {
        Path dir = storePath != null ? storePath.toAbsolutePath().getParent() : RunStore.defaultLocation()
                .toAbsolutePath().getParent();
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("alignlab.log");
            Files.writeString(log, Instant.now() + "\n" + sw + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return log;
        } catch (IOException io) {
            err.println(sw);
            return null;
        }
    }

    static String oneLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    ExperimentRegistry registry() {
        if (registry == null) registry = registrySupplier.get();
        return registry;
    }

    Landscape landscape() {
        if (landscape == null) landscape = landscapeSupplier.get();
        return landscape;
    }

    /** The map joined with the experiments: which experiments sit at or under a node. */
    LandscapeMap map() {
        return new LandscapeMap(landscape(), registry());
    }

    /** Experiments at {@code node} and below it (every experiment when null); an unknown node is a usage error. */
    java.util.List<org.alignlab.core.Experiment<?, ?>> experimentsUnder(String node) {
        return node == null ? registry().all() : map().experimentsUnder(landscape().require(node).id());
    }

    Path resolvedStorePath() {
        return storePath != null ? storePath : RunStore.defaultLocation();
    }

    /** The run store, opened (and recovered) on first use. */
    synchronized RunStore store() {
        if (store == null) {
            store = RunStore.open(resolvedStorePath(), artifactPath,
                    Integer.getInteger("alignlab.store.busyTimeoutMillis", 5_000));
            if (!store.recoveredRuns().isEmpty()) {
                err.println("alignlab: marked " + store.recoveredRuns().size()
                        + " run(s) KILLED whose process had died: " + String.join(", ", store.recoveredRuns()));
            }
        }
        return store;
    }

    /** The store if it exists already, without creating one. */
    synchronized RunStore storeIfExists() {
        if (store != null) return store;
        return Files.exists(resolvedStorePath()) ? store() : null;
    }

    int killOwnRuns(String why) {
        RunStore s = store;
        if (s == null) return 0;
        try {
            return s.killOwnRunning(why);
        } catch (RuntimeException ex) {
            return 0;
        }
    }

    private synchronized void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private ConsoleProgress console;

    Progress.Listener progress() {
        if (!interactive) return Progress.Listener.NONE;
        if (console == null) console = new ConsoleProgress(err);
        return console;
    }

    /** Prints a line of results, first wiping a progress bar that may be on the terminal. */
    void println(String line) {
        if (console != null) console.clear();
        out.println(line);
    }
}
