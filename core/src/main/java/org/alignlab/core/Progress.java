package org.alignlab.core;

/** Progress of one task inside a run. The command line draws it as a bar; tests ignore it. */
public interface Progress extends AutoCloseable {
    /** Marks {@code n} more units of work done. */
    void advance(long n);

    @Override
    void close();

    /** Where progress goes: one {@link Progress} per task. */
    interface Listener {
        Progress start(String task, long total);

        Listener NONE = (task, total) -> new Progress() {
            @Override
            public void advance(long n) {}

            @Override
            public void close() {}
        };
    }
}
