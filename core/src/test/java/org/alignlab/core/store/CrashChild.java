package org.alignlab.core.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Provenance;
import org.alignlab.core.Scale;

/** Run in a child JVM by {@link RunStoreTest}: starts a run, logs metrics, says "ready", then waits to be killed. */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        try (RunStore store = RunStore.open(Path.of(args[0]))) {
            var info = new ExperimentInfo("test.crash", "crash", "agendas", List.of(), "");
            var rec = store.begin(info, Scale.QUICK, 7, Map.of("k", "v"),
                    Provenance.capture("test.crash", Scale.QUICK, 7, Map.of("k", "v")));
            for (int i = 0; i < 1000; i++) rec.sink().metric(i, "loss", 1.0 / (i + 1));
            // more than the flush size, so all but the tail are on disk; wait for the tail's time-based flush
            Thread.sleep(300);
            rec.sink().metric(1000, "loss", 0.0);
            System.out.println("ready " + rec.runId());
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
