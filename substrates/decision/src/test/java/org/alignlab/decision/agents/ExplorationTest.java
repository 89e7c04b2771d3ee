package org.alignlab.decision.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class ExplorationTest {
    /** Random action values with deliberate ties (values drawn from a few levels). */
    private static double[] values(SplittableRandom rng, int n) {
        double[] q = new double[n];
        for (int a = 0; a < n; a++) q[a] = rng.nextInt(3) - 1 + (rng.nextBoolean() ? 0 : 0.5 * rng.nextInt(2));
        return q;
    }

    /**
     * Property: probabilities sum to one, and choose() draws from exactly them (empirical frequencies within 4.5
     * standard errors), for ε-greedy and Boltzmann over random value vectors with ties.
     */
    @Test
    void chooseSamplesFromProbabilities() {
        SplittableRandom cases = new SplittableRandom(42);
        Exploration[] rules = {EpsilonGreedy.of(0.3), EpsilonGreedy.of(0), EpsilonGreedy.of(1), Boltzmann.of(0.7),
                Boltzmann.of(50)};
        for (int c = 0; c < 30; c++) {
            double[] q = values(cases, 2 + cases.nextInt(4));
            for (Exploration rule : rules) {
                double[] p = rule.probabilities(q, 0, 0);
                double sum = 0;
                for (double x : p) sum += x;
                assertEquals(1.0, sum, 1e-12);
                int draws = 20_000;
                int[] counts = new int[q.length];
                SplittableRandom rng = cases.split();
                for (int i = 0; i < draws; i++) counts[rule.choose(q, 0, 0, rng)]++;
                for (int a = 0; a < q.length; a++) {
                    double se = Math.sqrt(p[a] * (1 - p[a]) / draws);
                    assertEquals(p[a], (double) counts[a] / draws, 4.5 * se + 1e-12,
                            rule + " q=" + java.util.Arrays.toString(q) + " a=" + a);
                }
            }
        }
    }

    @Test
    void epsilonGreedySplitsTheGreedyShareAmongTies() {
        double[] p = EpsilonGreedy.of(0.2).probabilities(new double[] {1, 3, 3, 0}, 0, 0);
        assertArrayEquals(new double[] {0.05, 0.05 + 0.4, 0.05 + 0.4, 0.05}, p, 1e-15);
    }

    @Test
    void boltzmannIsSoftmaxOverTemperatureAndStableForLargeValues() {
        double[] p = Boltzmann.of(2).probabilities(new double[] {0, 2}, 0, 0);
        double e = Math.exp(1);
        assertArrayEquals(new double[] {1 / (1 + e), e / (1 + e)}, p, 1e-15);
        double[] big = Boltzmann.of(0.001).probabilities(new double[] {1e6, 1e6 + 1}, 0, 0);
        assertArrayEquals(new double[] {0, 1}, big, 1e-300);
    }

    @Test
    void greedyTakesTheLowestIndexAmongTies() {
        assertEquals(1, Exploration.greedy(new double[] {0, 5, 5, 1}));
        assertEquals(0, Exploration.greedy(new double[] {2, 2}));
    }

    @Test
    void schedulesFollowTheirFormulas() {
        Schedule lin = Schedule.linear(1.0, 0.1, 10, Schedule.Unit.EPISODES);
        assertEquals(1.0, lin.at(0), 0.0);
        assertEquals(0.55, lin.at(5), 1e-15);
        assertEquals(0.1, lin.at(10), 0.0);
        assertEquals(0.1, lin.at(1000), 0.0);
        assertEquals(0.55, lin.value(999, 5), 1e-15, "episodes drive an EPISODES schedule");
        Schedule exp = Schedule.exponential(1.0, 0.1, 0.5, Schedule.Unit.STEPS);
        assertEquals(1.0, exp.at(0), 0.0);
        assertEquals(0.1 + 0.9 * 0.125, exp.at(3), 1e-15);
        assertEquals(0.1 + 0.9 * 0.125, exp.value(3, 999), 1e-15, "steps drive a STEPS schedule");
        assertEquals(0.1, exp.lowest(), 0.0);
        assertEquals(1.0, exp.highest(), 0.0);
        assertEquals(0.3, Schedule.constant(0.3).value(7, 7), 0.0);
        // decaying ε reaches the exploration rule
        EpsilonGreedy eps = new EpsilonGreedy(lin);
        assertArrayEquals(new double[] {0.5, 0.5}, eps.probabilities(new double[] {1, 0}, 0, 0), 1e-15);
        assertArrayEquals(new double[] {0.95, 0.05}, eps.probabilities(new double[] {1, 0}, 0, 10), 1e-15);
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(UsageException.class, () -> Schedule.linear(1, 0, 0, Schedule.Unit.STEPS));
        assertThrows(UsageException.class, () -> Schedule.exponential(1, 0, 1.5, Schedule.Unit.STEPS));
        assertThrows(UsageException.class, () -> Schedule.constant(Double.NaN));
        UsageException ex = assertThrows(UsageException.class,
                () -> new EpsilonGreedy(Schedule.linear(1.5, 0, 10, Schedule.Unit.STEPS)));
        assertTrue(ex.getMessage().contains("ε must stay in [0, 1]"), ex.getMessage());
    }
}
