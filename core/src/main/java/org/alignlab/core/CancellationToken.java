package org.alignlab.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set once (Ctrl-C, a test) and seen by every run that shares it. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Thrown inside a run when it notices cancellation; the run is then stored as KILLED. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("run cancelled");
        }
    }
}
