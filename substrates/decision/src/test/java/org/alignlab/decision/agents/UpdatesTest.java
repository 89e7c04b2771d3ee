package org.alignlab.decision.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each learner's update rule, by hand, on transitions chosen so the numbers are exact. */
class UpdatesTest {
    private static final double GAMMA = 0.5;
    private static final double ALPHA = 0.25;

    private static Hyperparameters hyper(double epsilon) {
        return Hyperparameters.of(GAMMA, LearningRate.constant(ALPHA), EpsilonGreedy.of(epsilon));
    }

    /** Seeds Q("b", ·) = {2, 6} through a terminal transition per action, with α = 1. */
    private static <L extends TabularLearner<String>> L withNextValues(L agent) {
        agent.table().row("b")[0] = 2;
        agent.table().row("b")[1] = 6;
        return agent;
    }

    @Test
    void qLearningBootstrapsFromTheMax() {
        QLearning<String> q = withNextValues(new QLearning<>(2, hyper(0.1), new SplittableRandom(1)));
        q.observe(new Transition<>("a", 1, 1.0, "b", false, false));
        assertEquals(ALPHA * (1 + GAMMA * 6), q.qValues("a")[1], 0.0);
        assertEquals(0.0, q.qValues("a")[0], 0.0);
        q.observe(new Transition<>("a", 0, 4.0, "b", true, false));
        assertEquals(ALPHA * 4, q.qValues("a")[0], 0.0, "terminal: no bootstrap");
        q.observe(new Transition<>("c", 0, 4.0, "b", false, true));
        assertEquals(ALPHA * (4 + GAMMA * 6), q.qValues("c")[0], 0.0, "truncated: bootstraps from S'");
        assertEquals(1, q.table().visits("a", 1));
        assertEquals(3, q.steps());
    }

    @Test
    void expectedSarsaBootstrapsFromThePolicysExpectation() {
        double eps = 0.2;
        ExpectedSarsa<String> e = withNextValues(new ExpectedSarsa<>(2, hyper(eps), new SplittableRandom(1)));
        e.observe(new Transition<>("a", 1, 1.0, "b", false, false));
        double expected = (eps / 2) * 2 + (1 - eps + eps / 2) * 6;
        assertEquals(ALPHA * (1 + GAMMA * expected), e.qValues("a")[1], 1e-15);
    }

    /** SARSA bootstraps from the action it then takes: act(S') returns the A' used in the update. */
    @Test
    void sarsaBootstrapsFromTheActionItTakesNext() {
        for (long seed = 0; seed < 40; seed++) {
            Sarsa<String> s = withNextValues(new Sarsa<>(2, hyper(0.5), new SplittableRandom(seed)));
            s.observe(new Transition<>("a", 0, 1.0, "b", false, false));
            double q = s.qValues("a")[0];
            int next = s.act("b");
            assertEquals(ALPHA * (1 + GAMMA * (next == 0 ? 2 : 6)), q, 0.0, "seed " + seed);
        }
    }

    @Test
    void sarsaForgetsThePendingActionAtTheEndOfAnEpisode() {
        // ε = 1 picks uniformly; over many seeds the first act after endEpisode must not always repeat A'.
        int differs = 0;
        for (long seed = 0; seed < 40; seed++) {
            Sarsa<String> s = new Sarsa<>(2, hyper(1.0), new SplittableRandom(seed));
            s.observe(new Transition<>("a", 0, 0, "b", false, false));
            SplittableRandom copy = new SplittableRandom(seed);
            copy.nextDouble();
            int pending = copy.nextInt(2); // the A' SARSA drew from the same stream
            s.endEpisode();
            if (s.act("b") != pending) differs++;
        }
        assertEquals(true, differs > 5, "fresh choices after endEpisode: " + differs);
    }

    /** Episode a→a→b with rewards 1, 2, 4 (γ = 0.5): returns G = 4, 4, 4 backwards; (a, 0) is visited twice. */
    @Test
    void monteCarloFirstAndEveryVisit() {
        Hyperparameters avg = Hyperparameters.of(GAMMA, LearningRate.sampleAverage(), EpsilonGreedy.of(0.1));
        MonteCarloControl<String> first = new MonteCarloControl<>(2, avg, new SplittableRandom(1), true);
        MonteCarloControl<String> every = new MonteCarloControl<>(2, avg, new SplittableRandom(1), false);
        for (MonteCarloControl<String> mc : java.util.List.of(first, every)) {
            mc.observe(new Transition<>("a", 0, 1.0, "a", false, false));
            mc.observe(new Transition<>("a", 0, 2.0, "b", false, false));
            assertEquals(0.0, mc.qValues("a")[0], 0.0, "no update before the episode ends");
            mc.observe(new Transition<>("b", 1, 4.0, "end", true, false));
            mc.endEpisode();
        }
        // G_2 = 4; G_1 = 2 + 0.5·4 = 4; G_0 = 1 + 0.5·4 = 3.
        assertEquals(4.0, first.qValues("b")[1], 0.0);
        assertEquals(3.0, first.qValues("a")[0], 0.0, "first visit: G_0 only");
        assertEquals(1, first.table().visits("a", 0));
        assertEquals((4.0 + 3.0) / 2, every.qValues("a")[0], 0.0, "every visit: mean of G_1 and G_0");
        assertEquals(2, every.table().visits("a", 0));
    }

    @Test
    void monteCarloFlushesAnEpisodeTheCallerEnded() {
        Hyperparameters avg = Hyperparameters.of(1.0, LearningRate.sampleAverage(), EpsilonGreedy.of(0.1));
        MonteCarloControl<String> mc = new MonteCarloControl<>(2, avg, new SplittableRandom(1), true);
        mc.observe(new Transition<>("a", 1, 5.0, "b", false, false));
        mc.endEpisode();
        assertEquals(5.0, mc.qValues("a")[1], 0.0);
        assertEquals(1, mc.episodes());
    }

    @Test
    void initialValuesAndLearningRateSchedules() {
        Hyperparameters h = new Hyperparameters(1.0,
                LearningRate.scheduled(Schedule.linear(1.0, 0.5, 2, Schedule.Unit.STEPS)), EpsilonGreedy.of(0), 10.0);
        QLearning<String> q = new QLearning<>(2, h, new SplittableRandom(1));
        assertEquals(10.0, q.qValues("never")[1], 0.0);
        q.observe(new Transition<>("a", 0, 0, "z", true, false)); // steps = 1: α = 0.75
        assertEquals(10 + 0.75 * (0 - 10), q.qValues("a")[0], 0.0);
        q.observe(new Transition<>("a", 0, 0, "z", true, false)); // steps = 2: α = 0.5
        assertEquals(2.5 + 0.5 * (0 - 2.5), q.qValues("a")[0], 0.0);
        assertEquals(false, q.table().contains("never"), "reading does not add rows");
    }

    @Test
    void badActionsAndHyperparametersAreRefused() {
        QLearning<String> q = new QLearning<>(2, hyper(0.1), new SplittableRandom(1));
        assertThrows(IllegalArgumentException.class, () -> q.observe(new Transition<>("a", 2, 0, "b", false, false)));
        assertThrows(org.alignlab.core.UsageException.class, () -> Hyperparameters.of(1.5, LearningRate.constant(0.1),
                EpsilonGreedy.of(0.1)));
        assertThrows(org.alignlab.core.UsageException.class, () -> LearningRate.constant(0));
        assertThrows(org.alignlab.core.UsageException.class, () -> EpsilonGreedy.of(1.2));
        assertThrows(org.alignlab.core.UsageException.class, () -> Boltzmann.of(0));
        assertThrows(org.alignlab.core.UsageException.class, () -> new QLearning<>(0, hyper(0.1), new SplittableRandom(1)));
    }
}
