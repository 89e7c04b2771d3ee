package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class AverageRewardTest {

    /**
     * A random multichain MDP: states [0, a) and [a, b) are two blocks whose rows stay inside their block (so every
     * policy has at least two closed classes), states [b, n) are transient-capable and move anywhere, some of them
     * terminal. 1 to 3 successors per row with random probabilities; state and action rewards uniform.
     */
    static Mdp multichain(SplittableRandom rng) {
        int n = 5 + rng.nextInt(10);
        int actions = 2 + rng.nextInt(3);
        int a = 1 + rng.nextInt(n / 3);
        int b = a + 1 + rng.nextInt(n / 3);
        MdpBuilder m = Mdp.builder(n, actions);
        int terminals = rng.nextInt(2);
        for (int s = n - terminals; s < n; s++) m.terminal(s);
        for (int s = 0; s < n - terminals; s++) {
            m.stateReward(s, rng.nextDouble());
            int lo = s < a ? 0 : s < b ? a : 0;
            int hi = s < a ? a : s < b ? b : n;
            for (int act = 0; act < actions; act++) {
                m.actionReward(s, act, rng.nextDouble() * 0.5);
                int k = 1 + rng.nextInt(Math.min(3, hi - lo));
                double[] w = new double[k];
                double sum = 0;
                for (int i = 0; i < k; i++) sum += w[i] = 0.05 + rng.nextDouble();
                for (int i = 0; i < k; i++) m.transition(s, act, lo + rng.nextInt(hi - lo), w[i] / sum);
            }
        }
        return m.build();
    }

    // Discounted optimal action sets from an exact (dense policy iteration) solve: Q(s, a) within 1e-9·‖V‖ of V(s).
    static boolean[][] discountedOptimal(Mdp mdp, double gamma) {
        Solution sol = PolicyIteration.solve(mdp.withDiscount(gamma));
        double tol = 1e-9 * Math.max(1, RandomMdps.supNorm(sol.values()));
        boolean[][] out = new boolean[mdp.states()][mdp.actions()];
        for (int s = 0; s < mdp.states(); s++) {
            for (int a = 0; a < mdp.actions(); a++) out[s][a] = mdp.terminal(s) || sol.q(s, a) >= sol.value(s) - tol;
        }
        return out;
    }

    @Test
    void gainIsTheLimitOfNormalisedDiscountedValueAndBiasTheNextTerm() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int trial = 0; trial < 40; trial++) {
            Mdp m = multichain(rng);
            AverageReward.Result lim = AverageReward.solve(m);
            double hNorm = RandomMdps.supNorm(lim.bias());
            // (1 − γ) V*_γ = Σ_k ρ^{k+1} y_k = g + ρ h + O(ρ²), ρ = (1 − γ)/γ (Puterman 1994, Thm 8.2.3): at ρ ≈ 1e-6
            // the gap is ρ‖h‖ plus a ρ²‖y_1‖ far below it; the dense solve adds about cond · ε · ‖V‖ ≈ 1e-10.
            double gamma = 1 - 1e-6;
            double rho = (1 - gamma) / gamma;
            Solution sol = PolicyIteration.solve(m.withDiscount(gamma));
            for (int s = 0; s < m.states(); s++) {
                double limit = (1 - gamma) * sol.value(s);
                assertEquals(lim.gain(s), limit, rho * (2 * hNorm + 1) + 1e-8, "trial " + trial + ", state " + s);
            }
            // The bias is the next coefficient: ((1 − γ) V* − g)/ρ → h, checked at ρ ≈ 1e-4 (O(ρ‖y_1‖) + rounding).
            gamma = 1 - 1e-4;
            rho = (1 - gamma) / gamma;
            sol = PolicyIteration.solve(m.withDiscount(gamma));
            for (int s = 0; s < m.states(); s++) {
                double h = ((1 - gamma) * sol.value(s) - lim.gain(s)) / rho;
                assertEquals(lim.bias(s), h, 0.02 * (1 + hNorm), "bias, trial " + trial + ", state " + s);
            }
            // Gains of a multichain MDP differ between closed classes; check that the generator makes them differ.
            if (trial == 0) {
                double lo = Arrays.stream(lim.gain()).min().orElseThrow();
                double hi = Arrays.stream(lim.gain()).max().orElseThrow();
                assertTrue(hi - lo > 1e-3, "two closed blocks, two gains: " + Arrays.toString(lim.gain()));
            }
        }
    }

    @Test
    void blackwellActionsAreTheDiscountedOptimalActionsOnceTheyStopChanging() {
        SplittableRandom rng = new SplittableRandom(77);
        int checked = 0;
        int settledLate = 0;
        for (int trial = 0; trial < 40; trial++) {
            Mdp m = multichain(rng);
            AverageReward.Result lim = AverageReward.solve(m);
            // γ_j = 1 − 10^−j: find the first j from which the discounted optimal sets no longer change up to j = 5.
            boolean[][][] sets = new boolean[6][][];
            for (int j = 1; j <= 5; j++) sets[j] = discountedOptimal(m, 1 - Math.pow(10, -j));
            int stable = 5;
            while (stable > 1 && Arrays.deepEquals(sets[stable - 1], sets[5])) stable--;
            if (stable > 1) settledLate++;
            if (stable == 5) continue; // not yet seen to settle: nothing to compare with
            checked++;
            for (int s = 0; s < m.states(); s++) {
                assertArrayEquals(sets[5][s], lim.optimal()[s], "trial " + trial + ", state " + s + ", settled at γ = "
                        + (1 - Math.pow(10, -stable)));
            }
        }
        assertTrue(checked >= 35, "compared " + checked + " of 40");
        assertTrue(settledLate > 0, "some trials need γ beyond 0.9 (else the test compares little): " + settledLate);
    }

    @Test
    void agreesWithDiscountedSolutionsOnGarnetMdps() {
        // Garnet MDPs with action rewards R(s, a), no terminal states: mostly unichain.
        SplittableRandom rng = new SplittableRandom(8);
        for (int trial = 0; trial < 20; trial++) {
            Mdp m = Garnet.generate(3 + rng.nextInt(12), 1 + rng.nextInt(4), 1 + rng.nextInt(3), 0.9, rng);
            AverageReward.Result lim = AverageReward.solve(m);
            boolean[][] late = discountedOptimal(m, 1 - 1e-5);
            boolean[][] later = discountedOptimal(m, 1 - 1e-4);
            if (Arrays.deepEquals(late, later)) assertTrue(Arrays.deepEquals(late, lim.optimal()), "trial " + trial);
            Solution sol = PolicyIteration.solve(m.withDiscount(1 - 1e-6));
            for (int s = 0; s < m.states(); s++) {
                assertEquals(lim.gain(s), 1e-6 * sol.value(s), 1e-6 * (2 * RandomMdps.supNorm(lim.bias()) + 1) + 1e-8);
            }
        }
    }

    @Test
    void choosesTheBetterAbsorbingClassThenBreaksTheGainTieByBias() {
        // 0 chooses: a0 → 1 (absorbing, R = 1); a1 → 2, the cycle 2 ⇄ 3 with R = 2, 0 (gain 1, entered at the 2);
        // a2 → 1 or 4 with ½ each, 4 absorbing with R = 0.5 (gain 0.75). Gains: a0 and a1 tie at 1 > 0.75.
        // Bias (P* h = 0): h(1) = 0; h(2) = ½, h(3) = −½; so a1 has the larger bias, and h(0) = R(0) − g + h(2) = −½.
        Mdp m = Mdp.builder(5, 3)
                .deterministic(0, 0, 1).deterministic(0, 1, 2).transition(0, 2, 1, 0.5).transition(0, 2, 4, 0.5)
                .deterministic(1, 0, 1).deterministic(1, 1, 1).deterministic(1, 2, 1)
                .deterministic(2, 0, 3).deterministic(2, 1, 3).deterministic(2, 2, 3)
                .deterministic(3, 0, 2).deterministic(3, 1, 2).deterministic(3, 2, 2)
                .deterministic(4, 0, 4).deterministic(4, 1, 4).deterministic(4, 2, 4)
                .stateReward(1, 1).stateReward(2, 2).stateReward(4, 0.5).build();
        AverageReward.Result lim = AverageReward.solve(m);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0.5}, lim.gain(), 1e-12);
        assertArrayEquals(new double[] {-0.5, 0, 0.5, -0.5, 0}, lim.bias(), 1e-12);
        assertArrayEquals(new int[] {1}, lim.optimalActions(0));
        assertEquals(1, lim.policy().action(0));
        // Gain-optimal only (Puterman's ch. 9 criterion): a0 and a1 both.
        AverageReward.Result gainOnly = AverageReward.solve(m, AverageReward.Options.blackwell().withOrder(-1));
        assertArrayEquals(new int[] {0, 1}, gainOnly.optimalActions(0));
        assertArrayEquals(new double[] {1, 1, 1, 1, 0.5}, gainOnly.gain(), 1e-12);
        // Every action of a state with a single successor for all actions is optimal.
        assertArrayEquals(new int[] {0, 1, 2}, lim.optimalActions(2));
        // The same through the discounted values: a1 / a0 = 2/(1 + γ) > 1.
        boolean[][] d = discountedOptimal(m, 0.999);
        assertArrayEquals(new boolean[] {false, true, false}, d[0]);
    }

    @Test
    void aTieInGainAndBiasIsBrokenByTheNextLaurentTerm() {
        // 0 chooses: a0 → 1 (absorbing, R = 1), or a1 → 2 (R = 2) → 3 (R = 0) → 1. Gain 1 both ways; bias h(1) = 0,
        // h(3) = 0 − 1 + 0 = −1, h(2) = 2 − 1 − 1 = 0: a tie in bias too. Discounted: V(2) − V(1) = (2 + γ²/(1−γ))
        // − 1/(1−γ) = 1 − γ > 0, so a1 is optimal at every γ < 1: only the ρ¹ term (ψ_1) sees it.
        Mdp m = Mdp.builder(4, 2)
                .deterministic(0, 0, 1).deterministic(0, 1, 2)
                .deterministic(1, 0, 1).deterministic(1, 1, 1)
                .deterministic(2, 0, 3).deterministic(2, 1, 3)
                .deterministic(3, 0, 1).deterministic(3, 1, 1)
                .stateReward(1, 1).stateReward(2, 2).build();
        AverageReward.Result blackwell = AverageReward.solve(m);
        assertArrayEquals(new int[] {1}, blackwell.optimalActions(0));
        assertEquals(1, blackwell.policy().action(0));
        assertArrayEquals(new double[] {1, 1, 1, 1}, blackwell.gain(), 1e-12);
        assertArrayEquals(new double[] {-1, 0, 0, -1}, blackwell.bias(), 1e-12);
        AverageReward.Result bias = AverageReward.solve(m, AverageReward.Options.blackwell().withOrder(0));
        assertArrayEquals(new int[] {0, 1}, bias.optimalActions(0), "gain and bias tie");
        for (double g : new double[] {0.5, 0.9, 0.999}) {
            assertArrayEquals(new boolean[] {false, true}, discountedOptimal(m, g)[0], "γ = " + g);
        }
    }

    @Test
    void terminalStatesAreAbsorbingWithRewardZeroAndTiesAcrossThemStay() {
        // 0 (R = 0.3) chooses: a0 → 1 terminal, a1 → 2 terminal, a2 → 0 (stay). Both terminals pay 0 forever, so a0
        // and a1 tie at every γ; staying earns 0.3 forever and wins.
        Mdp m = Mdp.builder(3, 3).deterministic(0, 0, 1).deterministic(0, 1, 2).deterministic(0, 2, 0)
                .terminal(1).terminal(2).stateReward(0, 0.3).build();
        AverageReward.Result lim = AverageReward.solve(m);
        assertArrayEquals(new double[] {0.3, 0, 0}, lim.gain(), 1e-12);
        assertArrayEquals(new int[] {2}, lim.optimalActions(0));
        Mdp negative = Mdp.builder(3, 3).deterministic(0, 0, 1).deterministic(0, 1, 2).deterministic(0, 2, 0)
                .terminal(1).terminal(2).stateReward(0, -0.3).build();
        AverageReward.Result neg = AverageReward.solve(negative);
        assertEquals(0, neg.gain(0), 1e-12);
        assertArrayEquals(new int[] {0, 1}, neg.optimalActions(0));
        assertEquals(-0.3, neg.bias(0), 1e-12);
    }

    @Test
    void limitingMatrixIsStochasticAndInvariant() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 30; trial++) {
            Mdp m = multichain(rng);
            int[] pol = new int[m.states()];
            for (int s = 0; s < pol.length; s++) pol[s] = rng.nextInt(m.actions());
            var p = AverageReward.transitions(m, pol);
            var star = AverageReward.limitingMatrix(p, m.states());
            int n = m.states();
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double pp = 0;
                    double qq = 0;
                    for (int k = 0; k < n; k++) {
                        pp += p.data[i * n + k] * star.data[k * n + j];
                        qq += star.data[i * n + k] * p.data[k * n + j];
                    }
                    // P P* = P* P = P* (Puterman 1994, Thm A.2).
                    assertEquals(star.data[i * n + j], pp, 1e-10);
                    assertEquals(star.data[i * n + j], qq, 1e-10);
                    assertTrue(star.data[i * n + j] >= -1e-12);
                    sum += star.data[i * n + j];
                }
                assertEquals(1, sum, 1e-10);
            }
        }
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        UsageException order = assertThrows(UsageException.class, () -> new AverageReward.Options(-2, 1e-9, 10));
        assertTrue(order.getMessage().contains("at least −1"), order.getMessage());
        assertThrows(UsageException.class, () -> new AverageReward.Options(0, 0, 10));
        assertThrows(UsageException.class, () -> new AverageReward.Options(0, Double.NaN, 10));
        assertThrows(UsageException.class, () -> new AverageReward.Options(0, 1e-9, 0));
        assertThrows(UsageException.class, () -> AverageReward.solve(null));
    }
}
