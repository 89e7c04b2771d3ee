package org.alignlab.app;

import java.io.PrintStream;
import org.alignlab.core.CancellationToken;

/**
 * Ctrl-C: the first one cancels the running work, which stops at its next check and is stored as KILLED; if it
 * has not stopped within a few seconds (or on a second Ctrl-C) the process marks its runs KILLED and exits 2.
 */
final class Interrupts {
    private Interrupts() {}

    static void install(Cli cli, CancellationToken cancel, PrintStream err) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> onInterrupt(cli, cancel, err));
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sig -> onInterrupt(cli, cancel, err));
        } catch (IllegalArgumentException | UnsupportedOperationException ex) {
            // a platform without these signals: the shutdown hook below still marks runs KILLED
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> cli.killOwnRuns("process ended"), "alignlab-exit"));
    }

    private static void onInterrupt(Cli cli, CancellationToken cancel, PrintStream err) {
        if (cancel.isCancelled()) {
            hardStop(cli, err);
            return;
        }
        cancel.cancel();
        err.println();
        err.println("alignlab: interrupting; the running work stops at its next check (Ctrl-C again to stop now)");
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ex) {
                return;
            }
            hardStop(cli, err);
        }, "alignlab-interrupt");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void hardStop(Cli cli, PrintStream err) {
        int n = cli.killOwnRuns("interrupted");
        err.println("alignlab: interrupted; " + n + " running run(s) marked KILLED, stored runs are intact");
        err.flush();
        Runtime.getRuntime().halt(2);
    }
}
