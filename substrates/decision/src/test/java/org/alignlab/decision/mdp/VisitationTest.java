package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class VisitationTest {
    @Test
    void chainFromStateZero() {
        // Policy: move from 0, stay in 1. Visits: state 0 at t = 0 only, state 1 from t = 1 on: γ/(1 − γ).
        Mdp m = Mdp.builder(2, 2).discount(0.9).deterministic(0, 0, 0).deterministic(0, 1, 1)
                .transition(1, 0, 1, 1, 1).deterministic(1, 1, 0).initial(0).build();
        double[] rho = Visitation.discounted(m, new Policy.Deterministic(new int[] {1, 0}));
        assertEquals(1.0, rho[0], 1e-12);
        assertEquals(9.0, rho[1], 1e-12);
        double[][] d = Visitation.finiteHorizon(m, new Policy.Deterministic(new int[] {1, 0}), 3);
        assertEquals(3, d.length);
        assertEquals(1.0, d[0][0], 0);
        assertEquals(1.0, d[1][1], 0);
        assertEquals(1.0, d[2][1], 0);
    }

    @Test
    void undiscountedGambleCountsExpectedVisits() {
        // Gambling returns to state 0 with probability 1/2: 2 visits to state 0 and 1 to the terminal state.
        Mdp m = Mdp.builder(2, 2).discount(1.0).terminal(1).initial(0)
                .transition(0, 0, 1, 1.0, 1.0)
                .transition(0, 1, 1, 0.5, 1.2).transition(0, 1, 0, 0.5, 0.0).build();
        double[] rho = Visitation.discounted(m, new Policy.Deterministic(new int[] {1, 0}));
        assertEquals(2.0, rho[0], 1e-12);
        assertEquals(1.0, rho[1], 1e-12);
        Mdp loop = Mdp.builder(2, 1).discount(1.0).deterministic(0, 0, 1).deterministic(1, 0, 0).build();
        assertThrows(UsageException.class, () -> Visitation.discounted(loop, new Policy.Deterministic(new int[2])));
    }

    @RepeatedTest(40)
    void discountedFrequenciesAreNonNegativeAndSumToTheHorizon(RepetitionInfo info) {
        SplittableRandom rng = new SplittableRandom(7000 + info.getCurrentRepetition());
        Mdp m = RandomMdps.garnet(rng);
        Policy policy = rng.nextBoolean() ? RandomMdps.stochasticPolicy(rng, m.states(), m.actions())
                : RandomMdps.deterministicPolicy(rng, m.states(), m.actions());
        double[] rho = Visitation.discounted(m, policy);
        double sum = 0;
        for (double x : rho) {
            assertTrue(x >= -1e-12, "negative frequency " + x);
            sum += x;
        }
        double gamma = m.discount();
        assertEquals(1 / (1 - gamma), sum, 1e-10 / (1 - gamma));
        // The value of the start distribution is the reward weighted by the visitation: μ0·V^π = Σ_s ρ(s) r_π(s).
        double[] v = PolicyEvaluation.exact(m, policy);
        double[] r = PolicyEvaluation.rewards(m, policy);
        double[] mu = m.initialDistribution();
        double lhs = 0;
        double rhs = 0;
        for (int s = 0; s < m.states(); s++) {
            lhs += mu[s] * v[s];
            rhs += rho[s] * r[s];
        }
        assertEquals(lhs, rhs, 1e-10 * Math.max(1, Math.abs(lhs)));
        // Forward propagation (used above DENSE_LIMIT states) gives the same frequencies.
        // Its truncation leaves at most 1e-12 of the total mass out.
        double[] forward = Visitation.discountedByPropagation(m, policy);
        double l1 = 0;
        for (int s = 0; s < rho.length; s++) l1 += Math.abs(rho[s] - forward[s]);
        assertTrue(l1 <= 3e-12 * sum, "forward propagation is " + l1 + " off");
    }

    @RepeatedTest(20)
    void episodicFrequenciesMatchFiniteHorizonSums(RepetitionInfo info) {
        SplittableRandom rng = new SplittableRandom(8000 + info.getCurrentRepetition());
        double gamma = rng.nextBoolean() ? 1.0 : 0.8;
        Mdp m = RandomMdps.episodic(rng, gamma);
        Policy policy = RandomMdps.stochasticPolicy(rng, m.states(), m.actions());
        double[] rho = Visitation.discounted(m, policy);
        // Termination probability ≥ 0.1 a step: after 400 steps at most 0.9^400 of the mass remains.
        double[][] d = Visitation.finiteHorizon(m, policy, 400);
        double[] sum = new double[m.states()];
        for (int t = 0; t < d.length; t++) {
            double mass = 0;
            for (int s = 0; s < m.states(); s++) {
                assertTrue(d[t][s] >= 0);
                mass += d[t][s];
                sum[s] += Math.pow(gamma, t) * d[t][s];
            }
            assertTrue(mass <= 1 + 1e-12);
        }
        assertTrue(RandomMdps.supDistance(rho, sum) < 1e-9, "distance " + RandomMdps.supDistance(rho, sum));
        assertTrue(RandomMdps.supDistance(rho, Visitation.discountedByPropagation(m, policy)) < 1e-9);
    }

    @Test
    void timeDependentPolicies() {
        Mdp m = Mdp.builder(2, 2).discount(1.0).deterministic(0, 0, 0).deterministic(0, 1, 1)
                .deterministic(1, 0, 1).deterministic(1, 1, 0).initial(0).build();
        Policy stay = new Policy.Deterministic(new int[] {0, 0});
        Policy move = new Policy.Deterministic(new int[] {1, 1});
        double[][] d = Visitation.finiteHorizon(m, List.of(stay, move, move, stay));
        assertEquals(1.0, d[1][0], 0);
        assertEquals(1.0, d[2][1], 0);
        assertEquals(1.0, d[3][0], 0);
        assertEquals(0, Visitation.finiteHorizon(m, stay, 0).length);
    }
}
