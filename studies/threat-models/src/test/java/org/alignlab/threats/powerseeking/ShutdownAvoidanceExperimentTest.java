package org.alignlab.threats.powerseeking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Configs;
import org.alignlab.core.FigureRenderer;
import org.alignlab.core.MetricSink;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShutdownAvoidanceExperimentTest {

    private static final ShutdownAvoidanceExperiment EXPERIMENT = new ShutdownAvoidanceExperiment();
    private static ClaimChecker.Outcome<ShutdownResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK),
                ClaimChecker.Options.quick().withThreads(2));
    }

    private static ClaimResult claim(String id) {
        return quick.claim(id);
    }

    @ParameterizedTest(name = "{0} is {1} at quick scale")
    @CsvSource({
        "corridor-far-sighted,      REPRODUCED",
        "interruption-far-sighted,  REPRODUCED",
        "corridor-myopic,           DEMONSTRATED",
        "corridor-rises-with-gamma, DEMONSTRATED",
        "limit-matches-large-gamma, DEMONSTRATED",
        "shutdown-least-power,      DEMONSTRATED"})
    void claimVerdictAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(id);
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval());
        assertEquals(ShutdownAvoidanceExperiment.SEEDS, c.n());
    }

    @Test
    void everyClaimIsCheckedAndCitesAPlace() {
        assertEquals(6, EXPERIMENT.claims().size());
        assertEquals(6, quick.claims().size());
        for (var c : EXPERIMENT.claims()) assertFalse(c.source().where().isBlank(), c.id());
        assertEquals("threat-models.power-seeking", EXPERIMENT.info().node());
        assertEquals(ShutdownAvoidanceExperiment.ID, EXPERIMENT.info().id());
    }

    @Test
    void theExactLimitsAreTheMapsOwn() {
        ShutdownResult r = quick.runs().get(0).result();
        assertEquals(33, r.map("corridor").reachable());
        assertEquals(33.0 / 34, r.map("corridor").exactFarSighted(), 0.0);
        assertEquals(13, r.map("interruption").reachable());
        assertEquals(13.0 / 14, r.map("interruption").exactFarSighted(), 0.0);
        for (var m : r.maps()) {
            assertEquals(m.cells().length, m.powerDiscounted().length);
            // POWER at an absorbing cell is its mean reward at every horizon (here by Monte Carlo).
            assertEquals(0.5, m.powerFarSighted()[m.shutdownState()], 0.1);
            assertEquals(0.5, m.powerMyopic()[m.shutdownState()], 0.1);
        }
    }

    @Test
    void sameSeedSameNumbersOnAnyThreadCountOtherSeedOtherNumbers() {
        ShutdownConfig one = new ShutdownConfig(600, new double[] {0.5, 0.9}, 100, 0.5, 1);
        ShutdownConfig three = new ShutdownConfig(600, new double[] {0.5, 0.9}, 100, 0.5, 3);
        ShutdownResult a = EXPERIMENT.run(one, RunContext.detached(4));
        ShutdownResult b = EXPERIMENT.run(three, RunContext.detached(4));
        ShutdownResult c = EXPERIMENT.run(one, RunContext.detached(5));
        for (String map : new String[] {"corridor", "interruption"}) {
            assertArrayEquals(a.map(map).avoid(), b.map(map).avoid(), 0.0);
            assertEquals(a.map(map).avoidFarSighted(), b.map(map).avoidFarSighted(), 0.0);
            assertArrayEquals(a.map(map).powerDiscounted(), b.map(map).powerDiscounted(), 0.0);
        }
        assertNotEquals(a.map("corridor").avoidMyopic(), c.map("corridor").avoidMyopic());
    }

    @Test
    void badOverridesAreRefused() {
        ShutdownConfig base = EXPERIMENT.config(Scale.QUICK);
        ShutdownConfig decreasing = Configs.override(base, Map.of("gammas", "0.9,0.5"));
        UsageException e = assertThrows(UsageException.class, () -> EXPERIMENT.validate(decreasing));
        assertTrue(e.getMessage().contains("increasing"), e.getMessage());
        assertThrows(UsageException.class, () -> Configs.override(base, Map.of("gammas", "0.5,1")));
        assertThrows(UsageException.class, () -> Configs.override(base, Map.of("samples", "5")));
        ShutdownConfig empty = Configs.override(base, Map.of("gammas", ""));
        assertThrows(UsageException.class, () -> EXPERIMENT.validate(empty));
    }

    @Test
    void figuresRender(@TempDir Path dir) {
        ShutdownResult r = quick.runs().get(0).result();
        FigureRenderer.renderAll(EXPERIMENT.figures(), r, quick.runs().get(0).metrics(), dir, MetricSink.NONE);
        assertEquals(7, EXPERIMENT.figures().size());
        for (var f : EXPERIMENT.figures()) {
            assertTrue(Files.exists(dir.resolve(f.id() + ".png")), f.id());
            assertTrue(Files.exists(dir.resolve(f.id() + ".svg")), f.id());
        }
    }
}
