package org.alignlab.decision.power;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.decision.mdp.AverageReward;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;
import org.junit.jupiter.api.Test;

/** The γ → 1 limit of POWER: the deterministic (maximum mean cycle) and the stochastic (policy iteration) paths. */
class PowerFarSightedTest {

    private static double[] uniform(int n, SplittableRandom rng) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = rng.nextDouble();
        return r;
    }

    @Test
    void policyIterationAgreesWithTheCycleGraphOnDeterministicMdps() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 80; trial++) {
            int n = 2 + rng.nextInt(12);
            MdpBuilder b = Mdp.builder(n, 1 + rng.nextInt(4));
            Mdp shape = PowerTest.random(n, 1 + rng.nextInt(4), true, rng);
            if (trial % 3 == 0) {
                // Also with terminal states (absorbing, reward 0 on both paths).
                MdpBuilder t = Mdp.builder(n, shape.actions()).terminal(n - 1);
                for (int s = 0; s < n - 1; s++) {
                    for (int a = 0; a < shape.actions(); a++) t.deterministic(s, a, shape.next(shape.rowStart(s, a)));
                }
                shape = t.build();
            }
            double[] r = uniform(n, rng);
            double[] cycle = new Power.CycleGraph(shape).gains(r);
            Mdp m = shape.withStateRewards(r);
            AverageReward.Result blackwell = AverageReward.solve(m);
            AverageReward.Result gainOnly = AverageReward.solve(m, AverageReward.Options.blackwell().withOrder(-1));
            assertArrayEquals(cycle, blackwell.gain(), 1e-10, "trial " + trial);
            for (int s = 0; s < n; s++) {
                if (shape.terminal(s)) continue;
                for (int a = 0; a < shape.actions(); a++) {
                    boolean cycleOptimal = Math.abs(cycle[shape.next(shape.rowStart(s, a))] - cycle[s]) <= 1e-10;
                    assertEquals(cycleOptimal, gainOnly.isOptimal(s, a), "gain-optimal, trial " + trial);
                    assertTrue(!blackwell.isOptimal(s, a) || cycleOptimal, "Blackwell ⊆ gain-optimal");
                }
                // Power's far-sighted shares: the cycle graph's gain, split over the Blackwell-optimal actions.
                Power.Sample smp = Power.evaluate(shape, s, Horizon.farSighted(), r);
                assertEquals(cycle[s], smp.power(), 0.0);
                int k = blackwell.optimalActions(s).length;
                for (int a = 0; a < shape.actions(); a++) {
                    assertEquals(blackwell.isOptimal(s, a) ? 1.0 / k : 0, smp.shares()[a], 1e-15, "trial " + trial);
                }
            }
        }
    }

    @Test
    void stochasticFarSightedPowerIsTheLimitOfDiscountedPower() {
        SplittableRandom rng = new SplittableRandom(19);
        for (int trial = 0; trial < 30; trial++) {
            Mdp m = PowerTest.random(3 + rng.nextInt(8), 1 + rng.nextInt(3), false, rng);
            int s = rng.nextInt(m.states());
            double[] r = uniform(m.states(), rng);
            Power.Sample limit = Power.evaluate(m, s, Horizon.farSighted(), r);
            AverageReward.Result lim = AverageReward.solve(m.withStateRewards(r));
            assertEquals(lim.gain(s), limit.power(), 0.0);
            int k = lim.optimalActions(s).length;
            for (int a = 0; a < m.actions(); a++) assertEquals(lim.isOptimal(s, a) ? 1.0 / k : 0, limit.shares()[a]);
            // (1 − γ)/γ (V* − R(s)) = g + O(ρ) with ρ = (1 − γ)/γ; at γ = 0.999 the gap is below ρ(‖h‖ + 1).
            double gamma = 0.999;
            double rho = (1 - gamma) / gamma;
            double hNorm = 0;
            for (double h : lim.bias()) hNorm = Math.max(hNorm, Math.abs(h));
            assertEquals(limit.power(), Power.evaluate(m, s, Horizon.discounted(gamma), r).power(),
                    rho * (2 * hNorm + 2) + 1e-6, "trial " + trial);
        }
    }

    @Test
    void stochasticStarHasTheClosedFormPower() {
        // 0 chooses: a0 → 1 (absorbing), a1 → 2 or 3 with ½ each (both absorbing). γ → 1 with R IID uniform:
        // POWER = E max(X, (Y + Z)/2) = ½ + E[((Y + Z)/2)²]/2 = ½ + (7/24)/2 = 31/48; by symmetry about ½ each action
        // is optimal with probability ½.
        Mdp m = Mdp.builder(4, 2).deterministic(0, 0, 1).transition(0, 1, 2, 0.5).transition(0, 1, 3, 0.5)
                .deterministic(1, 0, 1).deterministic(1, 1, 1).deterministic(2, 0, 2).deterministic(2, 1, 2)
                .deterministic(3, 0, 3).deterministic(3, 1, 3).build();
        Power.Estimate e = Power.estimate(m, 0, Horizon.farSighted(), RewardSampler.iidUniform(),
                new Power.Options(20_000, 2, 3));
        double exact = 31.0 / 48;
        assertTrue(e.powerLo() <= exact && exact <= e.powerHi(), e.power() + " vs " + exact);
        assertTrue(e.optimalityLo()[0] <= 0.5 && 0.5 <= e.optimalityHi()[0], "" + e.optimality(0));
        assertEquals(0, e.tieRate());
    }
}
