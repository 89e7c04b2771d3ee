package org.alignlab.decision.power;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Garnet;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;
import org.alignlab.decision.mdp.Solution;
import org.alignlab.decision.mdp.ValueIteration;
import org.junit.jupiter.api.Test;

/** The exact kernel for deterministic MDPs against value iteration, and {@link Power#estimateAll}. */
class DeterministicPowerTest {
    private static final double[] GAMMAS = {0.05, 0.3, 0.5, 0.9, 0.99};

    /**
     * A Garnet MDP with branching 1 (every action has one uniform random successor), rebuilt with up to two terminal
     * states (never state 0) and about one action in five turned into a self-loop.
     */
    static Mdp garnet(SplittableRandom rng, int maxStates) {
        int n = 2 + rng.nextInt(maxStates - 1);
        int actions = 1 + rng.nextInt(4);
        Mdp g = Garnet.generate(n, actions, 1, 0.9, rng);
        MdpBuilder b = Mdp.builder(n, actions);
        boolean[] terminal = new boolean[n];
        for (int k = rng.nextInt(3); k > 0; k--) terminal[1 + rng.nextInt(n - 1)] = true;
        for (int s = 0; s < n; s++) {
            if (terminal[s]) {
                b.terminal(s);
                continue;
            }
            for (int a = 0; a < actions; a++) b.deterministic(s, a, rng.nextInt(5) == 0 ? s : g.next(g.rowStart(s, a)));
        }
        return b.build();
    }

    private static double[] rewards(SplittableRandom rng, int n, boolean signed) {
        double[] r = new double[n];
        for (int s = 0; s < n; s++) r[s] = signed ? rng.nextDouble(-1, 1) : rng.nextDouble();
        return r;
    }

    // The actions within Power's tie tolerance of the best, as Power.shares decides them.
    private static boolean[] optimalSet(double[] q) {
        double best = Double.NEGATIVE_INFINITY;
        for (double x : q) best = Math.max(best, x);
        double tol = Power.TIE_TOLERANCE * Math.max(1, Math.abs(best));
        boolean[] out = new boolean[q.length];
        for (int a = 0; a < q.length; a++) out[a] = q[a] >= best - tol;
        return out;
    }

    @Test
    void kernelValuesAndOptimalActionsEqualValueIterations() {
        SplittableRandom rng = new SplittableRandom(2021);
        for (int trial = 0; trial < 300; trial++) {
            Mdp m = garnet(rng, 40);
            double g = trial % 7 == 6 ? 0.01 + 0.98 * rng.nextDouble() : GAMMAS[trial % GAMMAS.length];
            double[] r = rewards(rng, m.states(), trial % 3 == 0);
            DeterministicPower k = DeterministicPower.of(m, g);
            assertNotNull(k, "branching 1 is deterministic");
            DeterministicPower.Workspace ws = k.workspace();
            k.solve(r, ws);
            assertTrue(ws.rounds >= 1, "policy iteration, not the fallback");
            Solution vi = ValueIteration.solve(m.withStateRewards(r).withDiscount(g),
                    ValueIteration.Options.defaults().withEpsilon(1e-12));
            for (int s = 0; s < m.states(); s++) {
                String where = "trial " + trial + ", γ " + g + ", state " + s;
                assertEquals(vi.value(s), ws.value(s), 1e-9, where);
                if (m.terminal(s)) {
                    assertEquals(0.0, ws.value(s), 0.0, where);
                    continue;
                }
                double[] qk = new double[m.actions()];
                double[] qv = new double[m.actions()];
                for (int a = 0; a < m.actions(); a++) {
                    qk[a] = k.q(r, ws, s, a);
                    qv[a] = vi.q(s, a);
                }
                assertArrayEquals(optimalSet(qv), optimalSet(qk), where);
                // Power's normalised value, in the kernel's form (1 − γ) max_a V*(s'), against VI's.
                assertEquals((1 - g) / g * (vi.value(s) - r[s]), k.power(ws, s), 1e-9 * Math.max(1, (1 - g) / g),
                        where);
            }
        }
    }

    @Test
    void kernelValuesSatisfyTheBellmanOptimalityEquation() {
        // Independent of value iteration: V*(s) = R(s) + γ max_a V*(s'), on larger MDPs and near γ = 1.
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            Mdp m = garnet(rng, 400);
            double g = new double[] {0.9, 0.99, 0.999}[trial % 3];
            double[] r = rewards(rng, m.states(), trial % 2 == 0);
            DeterministicPower k = DeterministicPower.of(m, g);
            DeterministicPower.Workspace ws = k.workspace();
            k.solve(r, ws);
            for (int s = 0; s < m.states(); s++) {
                if (m.terminal(s)) continue;
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m.actions(); a++) best = Math.max(best, ws.value(k.successor(s, a)));
                assertEquals(r[s] + g * best, ws.value(s), 1e-12 / (1 - g), "trial " + trial + ", state " + s);
            }
        }
    }

    @Test
    void cycleValuesAreTheClosedFormGeometricSums() {
        // 0 → 1 → 2 → 0 (every action), rewards 1, 0, 0: V(0) = 1/(1 − γ³), V(2) = γ/(1 − γ³), V(1) = γ²/(1 − γ³).
        Mdp m = Mdp.builder(3, 2).deterministic(0, 0, 1).deterministic(0, 1, 1).deterministic(1, 0, 2)
                .deterministic(1, 1, 2).deterministic(2, 0, 0).deterministic(2, 1, 0).build();
        for (double g : GAMMAS) {
            DeterministicPower k = DeterministicPower.of(m, g);
            DeterministicPower.Workspace ws = k.workspace();
            k.solve(new double[] {1, 0, 0}, ws);
            double d = (1 - g) * (1 + g + g * g); // 1 − γ³ without cancellation (1 − γ is exact here)
            assertEquals(1 / d, ws.value(0), 4 * Math.ulp(1 / d));
            assertEquals(g * g / d, ws.value(1), 4 * Math.ulp(1 / d));
            assertEquals(g / d, ws.value(2), 4 * Math.ulp(1 / d));
        }
    }

    @Test
    void terminalStatesAreAbsorbingWithRewardZero() {
        // 0 → 1 (terminal) or 0 → 2 (self-loop paying −0.1): stopping is better.
        Mdp m = Mdp.builder(3, 2).deterministic(0, 0, 1).deterministic(0, 1, 2).terminal(1)
                .deterministic(2, 0, 2).deterministic(2, 1, 2).build();
        DeterministicPower k = DeterministicPower.of(m, 0.9);
        DeterministicPower.Workspace ws = k.workspace();
        k.solve(new double[] {0.5, 7, -0.1}, ws);
        assertEquals(0.5, ws.value(0), 1e-15);
        assertEquals(0, ws.value(1), 0);
        assertEquals(-1, ws.value(2), 1e-14);
        Power.Sample smp = Power.evaluate(m, 0, Horizon.discounted(0.9), new double[] {0.5, 7, -0.1});
        assertArrayEquals(new double[] {1, 0}, smp.shares());
        assertEquals(0, smp.power(), 1e-15);
    }

    @Test
    void fallsBackToValueIterationWhenPolicyIterationRunsOutOfRounds() {
        SplittableRandom rng = new SplittableRandom(3);
        int fallbacks = 0;
        for (int trial = 0; trial < 20; trial++) {
            Mdp m = garnet(rng, 30);
            double[] r = rewards(rng, m.states(), false);
            DeterministicPower k = DeterministicPower.of(m, 0.9, 1);
            DeterministicPower.Workspace ws = k.workspace();
            k.solve(r, ws);
            if (ws.rounds == 0) fallbacks++;
            Solution vi = ValueIteration.solve(m.withStateRewards(r).withDiscount(0.9),
                    ValueIteration.Options.defaults().withEpsilon(1e-12));
            for (int s = 0; s < m.states(); s++) assertEquals(vi.value(s), ws.value(s), 1e-9);
        }
        assertTrue(fallbacks > 10, "one round rarely suffices: " + fallbacks);
    }

    @Test
    void onlyDeterministicMdpsGetTheKernel() {
        Mdp stochastic = Mdp.builder(2, 1).transition(0, 0, 0, 0.5).transition(0, 0, 1, 0.5)
                .deterministic(1, 0, 1).build();
        assertNull(DeterministicPower.of(stochastic, 0.9));
        assertNotNull(DeterministicPower.of(PowerTest.star(3), 0.9));
    }

    @Test
    void estimatesAreIdenticalForAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 3; trial++) {
            Mdp m = garnet(rng, 60);
            Horizon h = Horizon.discounted(GAMMAS[2 + trial]);
            Power.Estimate one = Power.estimate(m, 0, h, RewardSampler.iidUniform(), new Power.Options(300, 1, trial));
            Power.AllStates allOne = Power.estimateAll(m, h, RewardSampler.iidUniform(),
                    new Power.Options(300, 1, trial));
            for (int threads : new int[] {2, 3}) {
                Power.Options o = new Power.Options(300, threads, trial);
                Power.Estimate many = Power.estimate(m, 0, h, RewardSampler.iidUniform(), o);
                assertEquals(one.power(), many.power(), 0.0);
                assertEquals(one.powerLo(), many.powerLo(), 0.0);
                assertArrayEquals(one.optimality(), many.optimality(), 0.0);
                assertEquals(one.tieRate(), many.tieRate(), 0.0);
                Power.AllStates all = Power.estimateAll(m, h, RewardSampler.iidUniform(), o);
                assertArrayEquals(allOne.power(), all.power(), 0.0);
                assertArrayEquals(allOne.powerHi(), all.powerHi(), 0.0);
            }
        }
    }

    private static final List<Horizon> HORIZONS = List.of(Horizon.myopic(), Horizon.discounted(0.2),
            Horizon.discounted(0.9), Horizon.discounted(0.99), Horizon.farSighted());

    @Test
    void estimateAllAgreesWithEstimateAtEveryStateAndStaysInTheUnitInterval() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 8; trial++) {
            boolean det = trial % 4 != 3;
            Mdp m = det ? garnet(rng, 12) : PowerTest.random(2 + rng.nextInt(8), 1 + rng.nextInt(3), false, rng);
            for (Horizon h : HORIZONS) {
                // Fewer samples where each is a multichain policy iteration (AverageReward, stochastic γ → 1).
                int samples = !det && h instanceof Horizon.FarSighted ? 30 : 150;
                Power.Options o = new Power.Options(samples, 1 + trial % 2, 100 + trial);
                Power.AllStates all = Power.estimateAll(m, h, RewardSampler.iidUniform(), o);
                assertEquals(m.states(), all.states());
                assertEquals(samples, all.samples());
                for (int s = 0; s < m.states(); s++) {
                    String where = "trial " + trial + ", " + h + ", state " + s;
                    assertEquals(m.stateName(s), all.stateNames().get(s));
                    if (m.terminal(s)) {
                        assertFalse(all.defined(s), where);
                        assertTrue(Double.isNaN(all.power(s)) && Double.isNaN(all.powerLo(s)), where);
                        continue;
                    }
                    Power.Estimate e = Power.estimate(m, s, h, RewardSampler.iidUniform(), o);
                    // Same samples, same running sums: equal bit for bit.
                    assertEquals(e.power(), all.power(s), 0.0, where);
                    assertEquals(e.powerLo(), all.powerLo(s), 0.0, where);
                    assertEquals(e.powerHi(), all.powerHi(s), 0.0, where);
                    assertTrue(all.power(s) >= 0 && all.power(s) <= 1, where + ": " + all.power(s));
                    assertTrue(all.powerLo(s) <= all.power(s) && all.power(s) <= all.powerHi(s), where);
                    double sum = 0;
                    for (int a = 0; a < m.actions(); a++) {
                        double p = e.optimality(a);
                        assertTrue(p >= 0 && p <= 1, where);
                        sum += p;
                    }
                    assertEquals(1.0, sum, 1e-12, where);
                }
            }
        }
    }

    @Test
    void estimateAllOnABiggerMdpWithManyWaves() {
        // More states than one wave of samples holds per sample block: the waves are folded in index order.
        Mdp m = Garnet.generate(3000, 4, 1, 0.9, new SplittableRandom(1));
        Power.Options o = new Power.Options(700, 2, 9);
        Power.AllStates all = Power.estimateAll(m, Horizon.discounted(0.9), RewardSampler.iidUniform(), o);
        for (int s : new int[] {0, 2999}) {
            Power.Estimate e = Power.estimate(m, s, Horizon.discounted(0.9), RewardSampler.iidUniform(), o);
            assertEquals(e.power(), all.power(s), 0.0);
            assertEquals(e.powerHi(), all.powerHi(s), 0.0);
        }
    }

    @Test
    void estimateAllRefusesBadInputInOneLine() {
        Power.Options ok = new Power.Options(10, 1, 1);
        Mdp allTerminal = Mdp.builder(2, 1).terminal(0).terminal(1).build();
        UsageException e = assertThrows(UsageException.class,
                () -> Power.estimateAll(allTerminal, Horizon.discounted(0.9), RewardSampler.iidUniform(), ok));
        assertTrue(e.getMessage().contains("every state of the MDP is terminal"), e.getMessage());
        UsageException nul = assertThrows(UsageException.class,
                () -> Power.estimateAll(PowerTest.star(2), null, RewardSampler.iidUniform(), ok));
        assertTrue(nul.getMessage().contains("must all be given"), nul.getMessage());
        UsageException bad = assertThrows(UsageException.class, () -> Power.estimateAll(PowerTest.star(2),
                Horizon.discounted(0.9), (n, rng) -> new double[n + 1], new Power.Options(10, 2, 1)));
        assertTrue(bad.getMessage().contains("must return 3 rewards"), bad.getMessage());
        for (UsageException x : List.of(e, nul, bad)) assertFalse(x.getMessage().contains("\n"));
    }
}
