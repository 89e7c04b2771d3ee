package org.alignlab.core;

import java.nio.file.Path;

/** Where a run's metrics and artifacts are recorded as they happen (the run store, or nothing). */
public interface MetricSink {
    void metric(long step, String name, double value);

    void artifact(String name, Path file);

    MetricSink NONE = new MetricSink() {
        @Override
        public void metric(long step, String name, double value) {}

        @Override
        public void artifact(String name, Path file) {}
    };
}
