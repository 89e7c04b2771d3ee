package org.alignlab.decision.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An exploration rate imposed by the environment (whisky and gold's whisky) takes over the behaviour policy. */
class ImposedExplorationTest {
    private static Hyperparameters greedyOnly() {
        return Hyperparameters.of(0.9, LearningRate.constant(0.1), EpsilonGreedy.of(0.0));
    }

    @Test
    void imposedRateRandomisesTheBehaviourAndLiftsCleanly() {
        for (TabularLearner.Algorithm alg : TabularLearner.Algorithm.values()) {
            TabularLearner<String> agent = alg.create(4, greedyOnly(), new SplittableRandom(5));
            agent.table().row("s")[2] = 1.0; // action 2 is greedy
            for (int i = 0; i < 50; i++) assertEquals(2, agent.act("s"), alg + " is greedy without an imposed rate");
            agent.imposeExploration(1.0);
            int[] counts = new int[4];
            int n = 8_000;
            for (int i = 0; i < n; i++) counts[agent.act("s")]++;
            for (int c : counts) {
                // uniform: n/4 = 2000 each, sd = sqrt(n · 1/4 · 3/4) ≈ 38.7; 5 sd
                assertTrue(Math.abs(c - n / 4.0) < 5 * 38.7, alg + " counts " + java.util.Arrays.toString(counts));
            }
            agent.imposeExploration(Double.NaN);
            assertEquals(2, agent.act("s"));
            assertThrows(IllegalArgumentException.class, () -> agent.imposeExploration(1.5));
        }
    }

    @Test
    void expectedSarsaTargetsTheImposedPolicy() {
        TabularLearner<String> free = new ExpectedSarsa<>(2, greedyOnly(), new SplittableRandom(1));
        TabularLearner<String> drunk = new ExpectedSarsa<>(2, greedyOnly(), new SplittableRandom(1));
        for (TabularLearner<String> a : java.util.List.of(free, drunk)) {
            a.table().row("next")[0] = 10;
            a.table().row("next")[1] = 0;
        }
        drunk.imposeExploration(1.0);
        Transition<String> t = new Transition<>("s", 0, 0.0, "next", false, false);
        free.observe(t);
        drunk.observe(t);
        // free: target 0.9 · 10 = 9; drunk: target 0.9 · (0.5 · 10 + 0.5 · 0) = 4.5; α = 0.1
        assertEquals(0.9, free.table().value("s", 0), 1e-12);
        assertEquals(0.45, drunk.table().value("s", 0), 1e-12);
    }

    /** An interruption as a forced action: SARSA's target follows it (on-policy), Q-learning's does not. */
    @Test
    void forcedActionEntersSarsasTargetButNotQLearnings() {
        TabularLearner<String> sarsa = new Sarsa<>(2, greedyOnly(), new SplittableRandom(1));
        TabularLearner<String> q = new QLearning<>(2, greedyOnly(), new SplittableRandom(1));
        for (TabularLearner<String> a : java.util.List.of(sarsa, q)) {
            a.table().row("next")[0] = 10; // the agent's own choice at "next"
            a.table().row("next")[1] = -10; // the interrupted action
            a.imposeAction(1);
            assertEquals(1, a.act("next"));
            a.observe(new Transition<>("s", 0, 0.0, "next", false, false));
        }
        // SARSA: 0.1 · 0.9 · (−10) = −0.9; Q-learning: 0.1 · 0.9 · max(10, −10) = 0.9
        assertEquals(-0.9, sarsa.table().value("s", 0), 1e-12);
        assertEquals(0.9, q.table().value("s", 0), 1e-12);
        sarsa.imposeAction(-1);
        assertThrows(IllegalArgumentException.class, () -> sarsa.imposeAction(2));
    }
}
