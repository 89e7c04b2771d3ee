package org.alignlab.core;

import java.nio.file.Path;
import java.util.Map;

/** Where runs are recorded as they happen: the run store, or nowhere (tests, library use). */
public interface RunRecorder {

    /** Starts recording one run; its params are written before it starts. */
    Recording begin(ExperimentInfo info, Scale scale, long seed, Map<String, String> params, Provenance provenance);

    /** Stores the verdicts of a check. */
    default void claims(java.util.List<ClaimResult> results) {}

    /** One run being recorded. */
    interface Recording {
        String runId();

        /** The run's artifact folder, or null when nothing is written to disk. */
        Path artifactDir();

        MetricSink sink();

        void finished(Record result, Provenance provenance);

        void failed(Throwable error, Provenance provenance);

        void killed(Provenance provenance);
    }

    /** Records nothing; run ids are "detached-N". */
    RunRecorder NONE = new RunRecorder() {
        private final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public Recording begin(ExperimentInfo info, Scale scale, long seed, Map<String, String> params,
                               Provenance provenance) {
            String id = "detached-" + counter.incrementAndGet();
            return new Recording() {
                public String runId() { return id; }

                public Path artifactDir() { return null; }

                public MetricSink sink() { return MetricSink.NONE; }

                public void finished(Record result, Provenance p) {}

                public void failed(Throwable error, Provenance p) {}

                public void killed(Provenance p) {}
            };
        }
    };
}
