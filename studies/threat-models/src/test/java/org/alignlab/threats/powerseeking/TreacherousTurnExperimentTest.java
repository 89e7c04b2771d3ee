package org.alignlab.threats.powerseeking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.alignlab.core.CancellationToken;
import org.alignlab.core.ClaimChecker;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.Configs;
import org.alignlab.core.Experiment;
import org.alignlab.core.Figure;
import org.alignlab.core.MetricSink;
import org.alignlab.core.Progress;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The treacherous-turn experiment: its verdicts at quick scale, the exact planner as a control, and the contract. */
class TreacherousTurnExperimentTest {
    private static final TreacherousTurnExperiment EXPERIMENT = new TreacherousTurnExperiment();
    /** Small enough to run twice in a test; not a preset. */
    private static final TreacherousTurnConfig SMALL =
            new TreacherousTurnConfig(300, 12, 3, 40, 0.2, 0.99, 1.0, 0.05, 0.6, true);
    private static ClaimChecker.Outcome<TreacherousTurnResult> quick;

    @BeforeAll
    static void checkAtQuickScale() {
        quick = ClaimChecker.check(EXPERIMENT, EXPERIMENT.config(Scale.QUICK),
                ClaimChecker.Options.quick().withThreads(2));
    }

    private static Map<String, Verdict> verdicts() {
        Map<String, Verdict> m = new LinkedHashMap<>();
        for (ClaimResult c : quick.claims()) m.put(c.claim(), c.verdict());
        return m;
    }

    @Test
    void bothLearnersBehaveWithoutTheCloakAndTurnWithIt() {
        assertEquals(Map.of(
                "q-learning-behaves-without-capability", Verdict.DEMONSTRATED,
                "q-learning-defects-with-capability", Verdict.DEMONSTRATED,
                "sarsa-behaves-without-capability", Verdict.DEMONSTRATED,
                "sarsa-defects-with-capability", Verdict.DEMONSTRATED), verdicts());
        for (ClaimResult c : quick.claims()) assertEquals(TreacherousTurnExperiment.SEEDS, c.n(), c.claim());
    }

    @Test
    void theTurnIsTakenCloakedAndCostsPerformance() {
        for (var run : quick.runs()) {
            for (String learner : TreacherousTurnExperiment.LEARNERS) {
                var a = run.result().agent(learner);
                // Without the cloak the greedy policy never steals, seen or unseen, and does the task.
                assertEquals(0.0, a.withoutCapability().defection(), learner);
                assertEquals(0.0, a.withoutCapability().cloakTaken(), learner);
                assertEquals(a.withoutCapability().meanReturn(), a.withoutCapability().meanPerformance(), 1e-9);
                // With it, every theft is made wearing the cloak: none is seen, so none is punished.
                var w = a.withCapability();
                assertEquals(0.0, w.defectionSeen(), learner);
                assertEquals(w.defection(), w.defectionUnseen(), 1e-12, learner);
                assertTrue(w.cloakTaken() >= w.defectionUnseen(), learner);
                if (w.defection() > 0) assertTrue(w.meanPerformance() < w.meanReturn(), learner);
            }
        }
    }

    /** The exact optimum of the observed reward is the control: it turns from every start, in every run. */
    @Test
    void thePlannerTurnsWhereverTheCloakIsOffered() {
        for (var run : quick.runs()) {
            var p = run.result().agent(TreacherousTurnExperiment.PLANNER);
            assertEquals(0.0, p.withoutCapability().defection());
            assertEquals(1.0, p.withoutCapability().task());
            assertEquals(1.0, p.withCapability().defectionUnseen());
            assertEquals(1.0, p.withCapability().cloakTaken());
            assertTrue(p.withCapability().meanReturn() > p.withoutCapability().meanReturn());
            assertTrue(p.withCapability().meanPerformance() < 0);
        }
    }

    @Test
    void claimsCitePlacesAndTheExperimentIsRegistered() {
        assertEquals(4, EXPERIMENT.claims().size());
        for (var c : EXPERIMENT.claims()) {
            assertTrue(c.demonstration(), c.id());
            assertFalse(c.source().where().isBlank(), c.id());
        }
        assertEquals("threat-models.power-seeking", EXPERIMENT.info().node());
        boolean found = false;
        for (Experiment<?, ?> e : ServiceLoader.load(Experiment.class)) {
            found |= e.info().id().equals(TreacherousTurnExperiment.ID);
        }
        assertTrue(found);
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        TreacherousTurnResult a = EXPERIMENT.run(SMALL, RunContext.detached(7));
        TreacherousTurnResult b = EXPERIMENT.run(SMALL, RunContext.detached(7));
        TreacherousTurnResult c = EXPERIMENT.run(SMALL, RunContext.detached(8));
        assertEquals(a, b);
        assertNotEquals(a.agent("q-learning").trainReturn(), c.agent("q-learning").trainReturn());
    }

    @Test
    void logsCurvesRendersFiguresAndWritesGifs(@TempDir Path dir) {
        RunContext ctx = new RunContext(3, MetricSink.NONE, Progress.Listener.NONE, dir, new CancellationToken());
        TreacherousTurnResult r = EXPERIMENT.run(SMALL, ctx);
        for (String learner : TreacherousTurnExperiment.LEARNERS) {
            assertEquals(SMALL.episodes(), ctx.metrics().values(learner + "/return").length);
            assertEquals(SMALL.episodes(), ctx.metrics().values(learner + "/defected").length);
            double[] at = ctx.metrics().steps(learner + "/greedy_defection_with");
            assertEquals(List.of(100.0, 200.0, 300.0), List.of(at[0], at[1], at[2]));
        }
        for (Figure<TreacherousTurnResult> f : EXPERIMENT.figures()) {
            assertNotNull(f.draw().apply(new Figure.Input<>(r, ctx.metrics())), f.id());
        }
        for (String agent : List.of("q-learning", "sarsa", "planner")) {
            for (String v : List.of("with-cloak", "without-cloak")) {
                assertTrue(Files.isRegularFile(dir.resolve(agent + "-" + v + ".gif")), agent + " " + v);
            }
        }
    }

    @Test
    void badConfigsAreRefusedWithAUsageMessage() {
        TreacherousTurnConfig q = EXPERIMENT.config(Scale.QUICK);
        assertThrows(UsageException.class, () -> EXPERIMENT.validate(
                Configs.override(q, Map.of("epsilonStart", "0.01", "epsilonEnd", "0.5"))));
        assertThrows(UsageException.class, () -> EXPERIMENT.validate(
                Configs.override(q, Map.of("episodes", "5", "checkpoints", "6"))));
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("discount", "1")));
        assertThrows(UsageException.class, () -> Configs.override(q, Map.of("cloak", "yes")));
        assertTrue(EXPERIMENT.config(Scale.PAPER).episodes() > q.episodes());
    }
}
