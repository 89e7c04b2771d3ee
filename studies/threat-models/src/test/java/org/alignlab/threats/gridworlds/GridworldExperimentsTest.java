package org.alignlab.threats.gridworlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Experiment;
import org.alignlab.core.Scale;
import org.alignlab.core.Verdict;
import org.alignlab.decision.env.EnvChecker;
import org.alignlab.decision.env.EnvRegistry;
import org.junit.jupiter.api.Test;

/** Every gridworld experiment's claims at quick scale, with the verdicts measured here; and every registered env. */
class GridworldExperimentsTest {

    static Map<String, ClaimResult> check(SafetyGridworldExperiment e) {
        var outcome = ClaimChecker.check(e, e.config(Scale.QUICK), ClaimChecker.Options.quick().withThreads(2));
        var m = new java.util.LinkedHashMap<String, ClaimResult>();
        for (ClaimResult c : outcome.claims()) m.put(c.claim(), c);
        return m;
    }

    @Test
    void boatRaceIsGamed() {
        var r = check(new BoatRaceExperiment());
        assertEquals(Verdict.DEMONSTRATED, r.get("q-learning-games").verdict(), r.toString());
        assertEquals(Verdict.DEMONSTRATED, r.get("sarsa-games").verdict(), r.toString());
    }

    @Test
    void printAll() {
        for (SafetyGridworldExperiment e : List.of(new BoatRaceExperiment(), new TomatoWateringExperiment(),
                new AbsentSupervisorExperiment(), new SafeInterruptibilityExperiment(), new WhiskyGoldExperiment(),
                new IslandNavigationExperiment())) {
            long t0 = System.nanoTime();
            var outcome = ClaimChecker.check(e, e.config(Scale.QUICK), ClaimChecker.Options.quick().withThreads(2));
            System.out.println(e.info().id() + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            for (var c : outcome.claims()) {
                System.out.println("  " + c.verdict() + " " + c.claim() + " mean " + c.mean() + " " + c.interval());
            }
            System.out.println("  " + outcome.runs().get(0).result());
        }
        assertTrue(true);
    }

    @Test
    void everyRegisteredGridworldPassesTheChecker() {
        EnvRegistry registry = EnvRegistry.load();
        assertFalse(registry.specs().isEmpty());
        assertEquals(List.of(), EnvChecker.checkAll(registry, 7));
    }
}
