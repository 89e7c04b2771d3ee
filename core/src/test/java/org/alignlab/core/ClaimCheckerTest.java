package org.alignlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.alignlab.core.store.RunStore;
import org.alignlab.core.testkit.NoisyMean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimCheckerTest {
    @TempDir
    Path dir;

    private final NoisyMean exp = new NoisyMean();

    @Test
    void verdictsComeFromTheMeasurement() {
        var outcome = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick());
        var byId = new java.util.HashMap<String, ClaimResult>();
        outcome.claims().forEach(c -> byId.put(c.claim(), c));
        assertEquals(Verdict.REPRODUCED, byId.get("mean").verdict());
        assertEquals(4, byId.get("mean").n());
        assertEquals(Verdict.NOT_REPRODUCED, byId.get("wrong").verdict());
        assertEquals(Verdict.DEMONSTRATED, byId.get("positive").verdict());
        assertEquals(2, byId.get("positive").n());
        assertEquals(4, outcome.runs().size());
    }

    @Test
    void sameSeedSameNumbersOnOneOrTwoThreads() {
        var one = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick().withThreads(1));
        var two = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick().withThreads(2));
        var again = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick().withThreads(2));
        for (int i = 0; i < one.claims().size(); i++) {
            assertArrayEquals(one.claims().get(i).values(), two.claims().get(i).values());
            assertArrayEquals(two.claims().get(i).values(), again.claims().get(i).values());
            assertEquals(Double.doubleToRawLongBits(one.claims().get(i).ciLo()),
                    Double.doubleToRawLongBits(two.claims().get(i).ciLo()));
        }
        for (int i = 0; i < one.runs().size(); i++) {
            assertArrayEquals(one.runs().get(i).result().firstDraws(), two.runs().get(i).result().firstDraws());
            assertArrayEquals(one.runs().get(i).metrics().values("running_mean"),
                    two.runs().get(i).metrics().values("running_mean"));
        }
        var otherSeed = ClaimChecker.check(exp, exp.config(Scale.QUICK),
                ClaimChecker.Options.quick().withBaseSeed(2));
        assertTrue(otherSeed.runs().get(0).result().estimate() != one.runs().get(0).result().estimate());
    }

    @Test
    void seedsOverrideAppliesToEveryClaim() {
        var outcome = ClaimChecker.check(exp, exp.config(Scale.QUICK), ClaimChecker.Options.quick().withSeeds(3));
        assertEquals(3, outcome.runs().size());
        outcome.claims().forEach(c -> assertEquals(3, c.n()));
        assertThrows(UsageException.class, () -> ClaimChecker.Options.quick().withSeeds(-1));
        assertThrows(UsageException.class, () -> ClaimChecker.Options.quick().withThreads(0));
    }

    @Test
    void aFailingRunIsStoredFailedAndRethrown() {
        try (RunStore store = RunStore.open(dir.resolve("f.db"))) {
            var o = new ClaimChecker.Options(Scale.QUICK, 1, 2, 2, false, store, Progress.Listener.NONE,
                    new CancellationToken());
            var cfg = Configs.override(exp.config(Scale.QUICK), Map.of("failAt", "500"));
            var ex = assertThrows(IllegalStateException.class, () -> ClaimChecker.check(exp, cfg, o));
            assertTrue(ex.getMessage().contains("planned failure"));
            var runs = store.runs("test.noisy-mean", 10);
            assertEquals(2, runs.size());
            runs.forEach(r -> assertEquals("FAILED", r.status()));
            runs.forEach(r -> assertTrue(store.metrics(r.id()).series("running_mean").size() >= 5,
                    "metrics logged before the failure are kept"));
        }
    }

    @Test
    void cancellationMarksTheRunKilledAndKeepsItsMetrics() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("c.db"))) {
            CancellationToken token = new CancellationToken();
            var o = new ClaimChecker.Options(Scale.QUICK, 1, 1, 1, false, store, Progress.Listener.NONE, token);
            var cfg = Configs.override(exp.config(Scale.QUICK), Map.of("samples", "100000000", "pauseEvery", "50"));
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException ignored) {
                    return;
                }
                token.cancel();
            });
            canceller.start();
            assertThrows(CancellationToken.CancelledException.class, () -> ClaimChecker.check(exp, cfg, o));
            canceller.join();
            var run = store.runs("test.noisy-mean", 1).get(0);
            assertEquals("KILLED", run.status());
            assertTrue(store.metrics(run.id()).series("running_mean").size() > 0);
        }
    }
}
