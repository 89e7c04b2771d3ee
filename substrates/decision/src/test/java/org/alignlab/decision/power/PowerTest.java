package org.alignlab.decision.power;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;
import org.junit.jupiter.api.Test;

class PowerTest {

    // State 0 moves to one of n absorbing states 1..n (action a → state a+1); each loops on itself.
    static Mdp star(int n) {
        MdpBuilder b = Mdp.builder(n + 1, n);
        for (int a = 0; a < n; a++) b.deterministic(0, a, a + 1);
        for (int s = 1; s <= n; s++) for (int a = 0; a < n; a++) b.deterministic(s, a, s);
        return b.build();
    }

    // A random MDP: `actions` actions per state; deterministic, or with up to 3 successors per row.
    static Mdp random(int states, int actions, boolean deterministic, SplittableRandom rng) {
        MdpBuilder b = Mdp.builder(states, actions);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                if (deterministic) {
                    b.deterministic(s, a, rng.nextInt(states));
                } else {
                    int k = 1 + rng.nextInt(3);
                    int first = rng.nextInt(states);
                    for (int j = 0; j < k; j++) b.transition(s, a, (first + j) % states, 1.0 / k);
                }
            }
        }
        return b.build();
    }

    private static final List<Horizon> HORIZONS = List.of(Horizon.myopic(), Horizon.discounted(0.3),
            Horizon.discounted(0.9), Horizon.farSighted());

    @Test
    void starPowerIsTheBestSuccessorRewardAtEveryDiscount() {
        Mdp m = star(3);
        double[] r = {0.9, 0.2, 0.7, 0.4};
        for (Horizon h : HORIZONS) {
            Power.Sample smp = Power.evaluate(m, 0, h, r);
            assertEquals(0.7, smp.power(), 1e-8, h.toString());
            assertArrayEquals(new double[] {0, 1, 0}, smp.shares(), h.toString());
            assertFalse(smp.tie());
        }
    }

    @Test
    void expectedMaxOfIidUniformsIsNOverNPlusOne() {
        for (int n = 1; n <= 5; n++) {
            for (Horizon h : List.of(Horizon.myopic(), Horizon.farSighted())) {
                Power.Estimate e = Power.estimate(star(n), 0, h, RewardSampler.iidUniform(),
                        new Power.Options(20_000, 2, 7));
                double exact = n / (n + 1.0);
                assertTrue(e.powerLo() - 0.002 <= exact && exact <= e.powerHi() + 0.002,
                        n + " " + h + ": " + e.power());
                for (int a = 0; a < n; a++) assertEquals(1.0 / n, e.optimality(a), 0.02);
            }
        }
    }

    @Test
    void propertiesOnRandomMdps() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int trial = 0; trial < 60; trial++) {
            boolean det = trial % 2 == 0;
            Mdp m = random(2 + rng.nextInt(7), 1 + rng.nextInt(3), det, rng);
            int s = rng.nextInt(m.states());
            double[] r = new double[m.states()];
            for (int i = 0; i < r.length; i++) r[i] = rng.nextDouble();
            double lo = java.util.Arrays.stream(r).min().orElseThrow();
            double hi = java.util.Arrays.stream(r).max().orElseThrow();
            for (Horizon h : HORIZONS) {
                Power.Sample smp = Power.evaluate(m, s, h, r);
                // (1−γ)/γ (V* − R) is a normalised average of future rewards, so within [min R, max R] ⊂ [0, 1].
                assertTrue(smp.power() >= lo - 1e-8 && smp.power() <= hi + 1e-8, trial + " " + h);
                double sum = 0;
                for (double x : smp.shares()) sum += x;
                assertEquals(1.0, sum, 1e-12, trial + " " + h);
            }
            // The closed-form limits are the discounted values' limits.
            assertEquals(Power.evaluate(m, s, Horizon.myopic(), r).power(),
                    Power.evaluate(m, s, Horizon.discounted(1e-6), r).power(), 1e-4, "γ → 0, trial " + trial);
            if (det) {
                assertEquals(Power.evaluate(m, s, Horizon.farSighted(), r).power(),
                        Power.evaluate(m, s, Horizon.discounted(0.9999), r).power(), 2e-3, "γ → 1, trial " + trial);
            }
        }
    }

    @Test
    void optimalityProbabilitiesSumToOneAndIntervalsContainThem() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 6; trial++) {
            Mdp m = random(6, 3, trial % 2 == 0, rng);
            Horizon h = trial % 2 == 0 ? Horizon.farSighted() : Horizon.discounted(0.5);
            Power.Estimate e = Power.estimate(m, 0, h, RewardSampler.iidUniform(), new Power.Options(300, 1, trial));
            double sum = 0;
            for (int a = 0; a < m.actions(); a++) {
                sum += e.optimality(a);
                assertTrue(e.optimalityLo()[a] <= e.optimality(a) && e.optimality(a) <= e.optimalityHi()[a]);
            }
            assertEquals(1.0, sum, 1e-9);
            assertTrue(e.power() >= 0 && e.power() <= 1);
        }
    }

    @Test
    void identicalResultsForAnyThreadCount() {
        Mdp m = random(12, 3, false, new SplittableRandom(3));
        Power.Estimate one = Power.estimate(m, 0, Horizon.discounted(0.8), RewardSampler.iidUniform(),
                new Power.Options(500, 1, 11));
        for (int threads : new int[] {2, 5}) {
            Power.Estimate many = Power.estimate(m, 0, Horizon.discounted(0.8), RewardSampler.iidUniform(),
                    new Power.Options(500, threads, 11));
            assertEquals(one.power(), many.power(), 0.0);
            assertEquals(one.powerHi(), many.powerHi(), 0.0);
            assertArrayEquals(one.optimality(), many.optimality(), 0.0);
        }
        Power.Estimate other = Power.estimate(m, 0, Horizon.discounted(0.8), RewardSampler.iidUniform(),
                new Power.Options(500, 1, 12));
        assertTrue(other.power() != one.power(), "another seed gives other samples");
    }

    @Test
    void tiedActionsSplitTheMass() {
        // Actions 0 and 1 both lead to state 1; action 2 to state 2.
        Mdp m = Mdp.builder(3, 3).deterministic(0, 0, 1).deterministic(0, 1, 1).deterministic(0, 2, 2)
                .deterministic(1, 0, 1).deterministic(1, 1, 1).deterministic(1, 2, 1)
                .deterministic(2, 0, 2).deterministic(2, 1, 2).deterministic(2, 2, 2).build();
        for (Horizon h : HORIZONS) {
            Power.Estimate e = Power.estimate(m, 0, h, RewardSampler.iidUniform(), new Power.Options(4000, 2, 1));
            assertEquals(0.25, e.optimality(0), 0.03, h.toString());
            assertEquals(e.optimality(0), e.optimality(1), 1e-12, h.toString());
            assertEquals(0.5, e.optimality(2), 0.03, h.toString());
            assertEquals(0.5, e.tieRate(), 0.03, h.toString());
        }
    }

    @Test
    void farSightedFindsTheBestReachableCycleNotTheBestState() {
        // 0 → 1 ⇄ 2 (a two-cycle), or 0 → 3 (self-loop). Rewards: cycle mean (1 + 0)/2 = 0.5 < 0.6.
        Mdp m = Mdp.builder(4, 2).deterministic(0, 0, 1).deterministic(0, 1, 3)
                .deterministic(1, 0, 2).deterministic(1, 1, 2).deterministic(2, 0, 1).deterministic(2, 1, 1)
                .deterministic(3, 0, 3).deterministic(3, 1, 3).build();
        Power.Sample smp = Power.evaluate(m, 0, Horizon.farSighted(), new double[] {0, 1, 0, 0.6});
        assertEquals(0.6, smp.power(), 1e-12);
        assertArrayEquals(new double[] {0, 1}, smp.shares());
        smp = Power.evaluate(m, 0, Horizon.farSighted(), new double[] {0, 1, 0.4, 0.6});
        assertEquals(0.7, smp.power(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, smp.shares());
    }

    @Test
    void iidSamplerUsesTheQuantileFunction() {
        // CDF F(x) = x² on [0, 1]: quantile √u, mean 2/3.
        RewardSampler sq = RewardSampler.iidInverseCdf(Math::sqrt);
        SplittableRandom rng = new SplittableRandom(9);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) sum += sq.sample(1, rng)[0];
        assertEquals(2.0 / 3, sum / n, 0.01);
    }

    @Test
    void badInputsSayWhatIsWrongInOneLine() {
        Mdp m = star(2);
        Power.Options ok = new Power.Options(10, 1, 1);
        for (double g : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            UsageException e = assertThrows(UsageException.class, () -> Horizon.discounted(g));
            assertTrue(e.getMessage().contains("strictly between 0 and 1"), e.getMessage());
        }
        for (int threads : new int[] {1, 3}) {
            UsageException nan = assertThrows(UsageException.class, () -> Power.estimate(m, 0, Horizon.myopic(),
                    (n, rng) -> new double[] {0, Double.NaN, 1}, new Power.Options(10, threads, 1)));
            assertTrue(nan.getMessage().contains("NaN for state 1"), nan.getMessage());
        }
        UsageException state = assertThrows(UsageException.class,
                () -> Power.estimate(m, 3, Horizon.myopic(), RewardSampler.iidUniform(), ok));
        assertTrue(state.getMessage().contains("state 3 is not in the MDP"), state.getMessage());
        assertThrows(UsageException.class,
                () -> Power.estimate(m, -1, Horizon.myopic(), RewardSampler.iidUniform(), ok));
        UsageException zero = assertThrows(UsageException.class, () -> new Power.Options(0, 1, 1));
        assertTrue(zero.getMessage().contains("at least one reward sample"), zero.getMessage());
        for (UsageException e : List.of(state, zero)) assertFalse(e.getMessage().contains("\n"));
    }
}
