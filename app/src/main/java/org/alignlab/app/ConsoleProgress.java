package org.alignlab.app;

import java.io.PrintStream;
import org.alignlab.core.Progress;

/**
 * A text progress bar on the terminal's error stream, drawn only for work that has taken more than a second, and
 * redrawn at most five times a second.
 */
final class ConsoleProgress implements Progress.Listener {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;
    private final PrintStream err;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public Progress start(String task, long total) {
        return new Bar(task, total);
    }

    private final class Bar implements Progress {
        private final String task;
        private final long total;
        private final long started = System.nanoTime();
        private long done;
        private long lastDraw;
        private boolean drawn;

        Bar(String task, long total) {
            this.task = task;
            this.total = Math.max(1, total);
        }

        @Override
        public synchronized void advance(long n) {
            done = Math.min(total, done + n);
            long now = System.nanoTime();
            if (now - started > DELAY_NANOS && now - lastDraw > REDRAW_NANOS) {
                draw(now);
            }
        }

        private void draw(long now) {
            lastDraw = now;
            drawn = true;
            int filled = (int) (WIDTH * done / total);
            double secs = (now - started) / 1e9;
            String eta = done == 0 ? "" : String.format(" eta %.0fs", secs * (total - done) / done);
            err.print("\r" + task + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + (100 * done / total) + "% " + String.format("%.0fs", secs) + eta + "   ");
            err.flush();
        }

        @Override
        public synchronized void close() {
            if (drawn) {
                draw(System.nanoTime());
                err.println();
            }
        }
    }
}
