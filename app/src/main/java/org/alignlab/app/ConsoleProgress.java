package org.alignlab.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.Progress;

/**
 * A text progress bar on the terminal's error stream, drawn only for work that has taken more than a second and
 * redrawn at most five times a second. Nested tasks share one line: outer tasks show as "label n/total", the
 * innermost one as a bar with elapsed time and an estimate of the time left.
 */
final class ConsoleProgress implements Progress.Listener {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final List<Bar> open = new ArrayList<>();
    private final long started = System.nanoTime();
    private long lastDraw;
    private int drawnWidth;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized Progress start(String task, long total) {
        Bar b = new Bar(task, total);
        open.add(b);
        return b;
    }

    private synchronized void advanced() {
        long now = System.nanoTime();
        if (now - started > DELAY_NANOS && now - lastDraw > REDRAW_NANOS) draw(now);
    }

    private synchronized void closed(Bar b) {
        open.remove(b);
        if (drawnWidth > 0 && open.isEmpty()) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** Wipes the bar's line so that other output starts on a clean line; the next advance redraws it. */
    synchronized void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
            lastDraw = 0;
        }
    }

    private void draw(long now) {
        if (open.isEmpty()) return;
        lastDraw = now;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < open.size() - 1; i++) {
            Bar o = open.get(i);
            line.append(o.task).append(' ').append(o.done).append('/').append(o.total).append(" | ");
        }
        Bar b = open.get(open.size() - 1);
        int filled = (int) (WIDTH * b.done / b.total);
        double secs = (now - b.started) / 1e9;
        line.append(b.task).append(" [").append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                .append(100 * b.done / b.total).append("% ").append(String.format("%.0fs", secs));
        if (b.done > 0 && b.done < b.total) {
            line.append(String.format(" eta %.0fs", secs * (b.total - b.done) / b.done));
        }
        String s = line.toString();
        err.print("\r" + s + " ".repeat(Math.max(0, drawnWidth - s.length())));
        err.flush();
        drawnWidth = s.length();
    }

    private final class Bar implements Progress {
        private final String task;
        private final long total;
        private final long started = System.nanoTime();
        private volatile long done;

        Bar(String task, long total) {
            this.task = task;
            this.total = Math.max(1, total);
        }

        @Override
        public void advance(long n) {
            synchronized (ConsoleProgress.this) {
                done = Math.min(total, done + n);
            }
            advanced();
        }

        @Override
        public void close() {
            closed(this);
        }
    }
}
