package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class PoliciesTest {
    @Test
    void greedyBreaksTiesToTheLowestIndex() {
        double[][] q = {{1, 3, 3}, {5, 2, 5}, {-1, -1, -1}, {0.1 + 0.2, 0.3, 0}};
        assertArrayEquals(new int[] {1, 0, 0, 0}, Policies.greedy(q).actions());
        // 0.1 + 0.2 = 0.30000000000000004 > 0.3: a last-bit difference counts as a tie.
        assertEquals(0, Policies.greedyAction(new double[] {0.3, 0.1 + 0.2}));
        assertEquals(1, Policies.greedyAction(new double[] {0.3, 0.3 + 1e-9}));
    }

    @Test
    void boltzmannIsASoftmax() {
        double[][] q = {{0, Math.log(3)}, {1000, 1000}, {-1e6, 0}};
        Policy.Stochastic p = Policies.boltzmann(q, 1.0);
        assertEquals(0.25, p.probability(0, 0), 1e-15);
        assertEquals(0.75, p.probability(0, 1), 1e-15);
        assertEquals(0.5, p.probability(1, 0), 0); // no overflow at large values
        assertEquals(1.0, p.probability(2, 1), 0);
        Policy.Stochastic hot = Policies.boltzmann(q, 1e9);
        assertEquals(0.5, hot.probability(0, 0), 1e-9);
        Policy.Stochastic cold = Policies.boltzmann(new double[][] {{1, 1.001, 0}}, 1e-6);
        assertEquals(1.0, cold.probability(0, 1), 1e-12);
        // Halving the temperature squares the odds.
        Policy.Stochastic half = Policies.boltzmann(q, 0.5);
        assertEquals(9.0, half.probability(0, 1) / half.probability(0, 0), 1e-12);
        assertThrows(UsageException.class, () -> Policies.boltzmann(q, 0));
        assertThrows(UsageException.class, () -> Policies.boltzmann(q, Double.NaN));
    }

    @Test
    void stochasticPoliciesAreCheckedAndSampled() {
        assertThrows(UsageException.class, () -> new Policy.Stochastic(new double[][] {{0.5, 0.6}}));
        assertThrows(UsageException.class, () -> new Policy.Stochastic(new double[][] {{1.5, -0.5}}));
        assertThrows(UsageException.class, () -> new Policy.Stochastic(new double[][] {{1, 0}, {1}}));
        assertThrows(UsageException.class, () -> new Policy.Deterministic(new int[] {0, -1}));
        Policy.Stochastic p = new Policy.Stochastic(new double[][] {{0.2, 0, 0.8}});
        SplittableRandom rng = new SplittableRandom(9);
        int[] counts = new int[3];
        int n = 100_000;
        for (int i = 0; i < n; i++) counts[p.sample(0, rng)]++;
        assertEquals(0, counts[1]);
        assertEquals(0.2, counts[0] / (double) n, 0.005);
        // The same stream gives the same draws.
        SplittableRandom a = new SplittableRandom(4);
        SplittableRandom b = new SplittableRandom(4);
        for (int i = 0; i < 100; i++) assertEquals(p.sample(0, a), p.sample(0, b));
        assertEquals(p, new Policy.Stochastic(new double[][] {{0.2, 0, 0.8}}));
        Policy.Stochastic u = Policies.uniform(3, 4);
        assertEquals(0.25, u.probability(2, 3), 0);
        assertTrue(new Policy.Deterministic(new int[] {2}).probability(0, 2) == 1);
    }
}
