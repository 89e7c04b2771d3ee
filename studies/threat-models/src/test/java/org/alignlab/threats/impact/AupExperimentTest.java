package org.alignlab.threats.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Configs;
import org.alignlab.core.Experiment;
import org.alignlab.core.Figure;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AupExperimentTest {
    private static final AupExperiment EXPERIMENT = new AupExperiment();
    private static ClaimChecker.Outcome<AupResult> quick;

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
        "options-aup,              REPRODUCED",
        "options-plain,            REPRODUCED",
        "damage-aup,               REPRODUCED",
        "damage-plain,             REPRODUCED",
        "correction-aup,           REPRODUCED",
        "correction-plain,         REPRODUCED",
        "correction-one-step,      REPRODUCED",
        "offset-aup,               REPRODUCED",
        "offset-plain,             REPRODUCED",
        "interference-aup,         REPRODUCED",
        "interference-plain,       REPRODUCED",
        "learned-options-aup,      NOT_REPRODUCED",
        "learned-damage-aup,       REPRODUCED",
        "learned-correction-aup,   REPRODUCED",
        "learned-offset-aup,       REPRODUCED",
        "learned-interference-aup, REPRODUCED",
        "learned-options-plain,    REPRODUCED",
        "learned-damage-plain,     REPRODUCED",
        "learned-correction-plain, REPRODUCED",
        "learned-offset-plain,     REPRODUCED",
        "learned-interference-plain, REPRODUCED",
        "small-lambda-side-effect, DEMONSTRATED",
        "large-lambda-inaction,    DEMONSTRATED"})
    void claimVerdictAtQuickScale(String id, Verdict expected) {
        ClaimResult c = claim(id);
        assertEquals(expected, c.verdict(), id + ": mean " + c.mean() + " interval " + c.interval());
        assertEquals(AupExperiment.SEEDS, c.n());
    }

    @Test
    void everyClaimIsCheckedAndCitesAPlace() {
        assertEquals(23, EXPERIMENT.claims().size());
        assertEquals(23, quick.claims().size());
        for (var c : EXPERIMENT.claims()) assertFalse(c.source().where().isBlank(), c.id());
        assertEquals("threat-models.power-seeking", EXPERIMENT.info().node());
    }

    @Test
    void theSweepTracesTheTradeOff() {
        AupResult r = quick.runs().get(0).result();
        double[] lambdas = r.lambdas();
        assertEquals(0, lambdas[0], 0.0);
        for (String name : AupExperiment.SIDE_EFFECT_LEVELS) {
            AupResult.Level l = r.level(name);
            // λ = 0 is the plain agent: it reaches the goal and causes the side effect in these three levels.
            assertEquals(1, l.sweepGoal()[0], 0.0, l.name());
            assertEquals(1, l.sweepSideEffect()[0], 0.0, l.name());
            assertEquals(l.plain(), new AupResult.Outcome(l.sweepGoal()[0], l.sweepSideEffect()[0],
                    l.sweepBest()[0]), l.name());
            // Raising λ never brings the side effect back, and at the largest λ the agent does nothing.
            for (int j = 1; j < lambdas.length; j++) {
                assertTrue(l.sweepSideEffect()[j] <= l.sweepSideEffect()[j - 1], l.name() + " at λ " + lambdas[j]);
            }
            assertEquals(0, l.sweepGoal()[lambdas.length - 1], 0.0, l.name());
        }
        // On the conveyor belt no λ makes the agent offset or interfere: the vase is always rescued and kept, the
        // sushi always left alone.
        for (int j = 0; j < lambdas.length; j++) {
            assertEquals(1, r.level(AupExperiment.OFFSET).sweepBest()[j], 0.0, "Offset at λ " + lambdas[j]);
            assertEquals(0, r.level(AupExperiment.INTERFERENCE).sweepSideEffect()[j], 0.0, "λ " + lambdas[j]);
        }
        // The paper's λ sits inside the window where Options and Damage are solved cleanly.
        int paper = AupExperiment.sweepIndex(AupConfig.LAMBDA);
        assertEquals(1, r.level(AupExperiment.OPTIONS).sweepBest()[paper], 0.0);
        assertEquals(1, r.level(AupExperiment.DAMAGE).sweepBest()[paper], 0.0);
    }

    @Test
    void theSweepFigureDraws() {
        var run = quick.runs().get(0);
        var chart = EXPERIMENT.figures().get(0).draw().apply(new Figure.Input<>(run.result(), run.metrics()));
        assertEquals(10, ((org.knowm.xchart.XYChart) chart).getSeriesMap().size());
    }

    @Test
    void registeredAsAService() {
        boolean found = false;
        for (Experiment<?, ?> e : ServiceLoader.load(Experiment.class)) found |= e.info().id().equals(AupExperiment.ID);
        assertTrue(found);
    }

    @Test
    void sameSeedSameNumbers() {
        AupConfig small = new AupConfig(4, AupConfig.LAMBDA, 0.99, 3, "per-function", 2, 300);
        AupResult a = EXPERIMENT.run(small, RunContext.detached(9));
        AupResult b = EXPERIMENT.run(small, RunContext.detached(9));
        assertEquals(a.levels().size(), b.levels().size());
        for (int i = 0; i < a.levels().size(); i++) {
            AupResult.Level x = a.levels().get(i);
            AupResult.Level y = b.levels().get(i);
            assertEquals(x.aup(), y.aup());
            assertEquals(x.oneStep(), y.oneStep());
            assertEquals(x.learnedPlain(), y.learnedPlain());
            assertEquals(x.learnedAup(), y.learnedAup());
            assertArrayEquals(x.sweepGoal(), y.sweepGoal(), 0.0);
            assertArrayEquals(x.sweepSideEffect(), y.sweepSideEffect(), 0.0);
        }
    }

    @Test
    void badOverridesAreRefused() {
        AupConfig q = AupConfig.quick();
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("scaling", "max")));
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("rollout", "0")));
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("lambda", "-1")));
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("episodes", "0")));
    }
}
