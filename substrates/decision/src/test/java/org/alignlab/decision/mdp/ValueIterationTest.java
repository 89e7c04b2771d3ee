package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueIterationTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.9, 0.99})
    void twoStateChainHasItsClosedForm(double gamma) {
        Solution sol = ValueIteration.solve(Examples.chain(gamma), ValueIteration.Options.defaults().withEpsilon(1e-10));
        // The bound is exact arithmetic's; rounding adds about ulp(V)/(1 − γ).
        double tol = 1e-10 + 1e-13 / (1 - gamma);
        assertEquals(gamma / (1 - gamma), sol.value(0), tol);
        assertEquals(1 / (1 - gamma), sol.value(1), tol);
        assertEquals(gamma * gamma / (1 - gamma), sol.q(0, 0), tol);
        assertEquals(gamma / (1 - gamma), sol.q(0, 1), tol);
        assertEquals(1 / (1 - gamma), sol.q(1, 0), tol);
        // Here V* − V_k is exactly γδ/(1 − γ): the bound is tight, so it cannot be much below ε either.
        assertTrue(1 / (1 - gamma) - sol.value(1) > (gamma == 0 ? -1 : 0.5e-10) - 1e-13 / (1 - gamma));
        assertEquals(0, sol.action(1));
        // With γ = 0 moving and staying in state 0 are worth the same; the tie goes to the lower index.
        assertEquals(gamma == 0 ? 0 : 1, sol.action(0));
        assertTrue(sol.errorBound() < 1e-10);
        if (gamma == 0) assertEquals(1, sol.iterations());
    }

    @Test
    void gambleMdpChoosesByDiscount() {
        // prize 1.2: gambling forever is worth 0.6/(1 − γ/2): 0.8 at γ = 0.5 (take the safe 1), 1.0909 at γ = 0.9.
        Solution low = ValueIteration.solve(Examples.gamble(1.2, 0.5));
        assertEquals(1.0, low.value(0), 1e-8);
        assertEquals(0, low.action(0));
        assertEquals(0.6 + 0.25 * 1.0, low.q(0, 1), 1e-8);
        Solution high = ValueIteration.solve(Examples.gamble(1.2, 0.9));
        assertEquals(0.6 / 0.55, high.value(0), 1e-8);
        assertEquals(1, high.action(0));
        assertEquals(0.0, high.value(1), 0);
        // γ = 1: the gamble still ends with probability 1; worth 0.6/0.5 = 1.2.
        Solution undiscounted = ValueIteration.solve(Examples.gamble(1.2, 1.0));
        assertEquals(1.2, undiscounted.value(0), 1e-7);
        assertEquals(1, undiscounted.action(0));
        assertTrue(Double.isNaN(undiscounted.errorBound()));
    }

    @Test
    void undiscountedProblemThatNeverEndsIsRefused() {
        Mdp loop = Mdp.builder(2, 1).discount(1.0).transition(0, 0, 1, 1, 1.0).transition(1, 0, 0, 1, 1.0).build();
        UsageException e = assertThrows(UsageException.class,
                () -> ValueIteration.solve(loop, ValueIteration.Options.defaults().withMaxIterations(500)));
        assertTrue(e.getMessage().contains("did not converge in 500 sweeps"), e.getMessage());
        assertTrue(e.getMessage().contains("terminal"), e.getMessage());
    }

    @Test
    void tooFewSweepsIsAnErrorNotAnAnswer() {
        Mdp m = Examples.chain(0.99);
        assertThrows(UsageException.class,
                () -> ValueIteration.solve(m, ValueIteration.Options.defaults().withMaxIterations(100)));
        assertThrows(UsageException.class, () -> new ValueIteration.Options(0, 10));
        assertThrows(UsageException.class, () -> new ValueIteration.Options(1e-6, 0));
    }

    @RepeatedTest(60)
    void convergesToTheBellmanFixedPointWithinItsBound(RepetitionInfo info) {
        SplittableRandom rng = new SplittableRandom(1000 + info.getCurrentRepetition());
        Mdp m = RandomMdps.garnet(rng);
        double eps = 1e-9;
        Solution sol = ValueIteration.solve(m, ValueIteration.Options.defaults().withEpsilon(eps));
        double gamma = m.discount();
        assertTrue(sol.errorBound() < eps);
        // ‖T*V − V‖ ≤ γδ ≤ γδ/(1 − γ) = the reported bound.
        double residual = Bellman.optimalityResidual(m, sol.values());
        assertEquals(sol.residual(), residual, 0);
        assertTrue(residual <= sol.errorBound() + 1e-15, residual + " > " + sol.errorBound());
        // Q is one lookahead from V; V = max_a Q within the residual.
        for (int s = 0; s < m.states(); s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < m.actions(); a++) best = Math.max(best, sol.q(s, a));
            assertEquals(best, sol.value(s), residual + 1e-15);
            assertEquals(sol.q(s, sol.action(s)), best, Policies.TIE_TOLERANCE * Math.max(1, Math.abs(best)));
        }
        // The true V* (an exact evaluation of policy iteration's optimal policy) is within the bound.
        Solution exact = PolicyIteration.solve(m);
        assertTrue(RandomMdps.supDistance(sol.values(), exact.values()) <= eps + 1e-12 / (1 - gamma),
                "VI is " + RandomMdps.supDistance(sol.values(), exact.values()) + " from V*, bound " + eps);
    }

    @RepeatedTest(20)
    void undiscountedEpisodicProblemsConverge(RepetitionInfo info) {
        Mdp m = RandomMdps.episodic(new SplittableRandom(2000 + info.getCurrentRepetition()), 1.0);
        Solution sol = ValueIteration.solve(m, ValueIteration.Options.defaults().withEpsilon(1e-12));
        Solution pi = PolicyIteration.solve(m);
        // With termination probability ≥ 0.1 per step, V_k − V* shrinks by 0.9 per sweep; δ < 1e-12 leaves ≤ 1e-11.
        assertTrue(RandomMdps.supDistance(sol.values(), pi.values()) < 1e-10);
    }

    @Test
    void parallelSweepEqualsSerialSweepBitForBit() {
        Mdp m = Garnet.generate(40_000, 4, 4, 0.99, new SplittableRandom(11));
        SplittableRandom rng = new SplittableRandom(12);
        double[] v = new double[m.states()];
        for (int s = 0; s < v.length; s++) v[s] = rng.nextDouble(-50, 50);
        double[] serial = new double[v.length];
        double[] parallel = new double[v.length];
        for (int rep = 0; rep < 3; rep++) {
            double d1 = ValueIteration.sweep(m, v, serial);
            double d2 = ValueIteration.sweepParallel(m, v, parallel);
            assertEquals(Double.doubleToLongBits(d1), Double.doubleToLongBits(d2));
            for (int s = 0; s < v.length; s++) {
                assertEquals(Double.doubleToLongBits(serial[s]), Double.doubleToLongBits(parallel[s]), "state " + s);
            }
            System.arraycopy(serial, 0, v, 0, v.length);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 0})
    void sweepIsTheMaximumOfTheBellmanLookaheadBitForBit(int branching) {
        // Every row length the sweep treats apart (0 for terminal rows, 1-4 straight-line, more in a loop); branching 0
        // stands for a builder MDP with rows of mixed lengths and terminal states.
        SplittableRandom rng = new SplittableRandom(6 + branching);
        Mdp m = branching > 0 ? Garnet.generate(500, 3, branching, 0.9, rng) : RandomMdps.episodic(rng, 1.0);
        double[] v = new double[m.states()];
        for (int s = 0; s < v.length; s++) v[s] = rng.nextDouble(-10, 10);
        double[] out = new double[v.length];
        double delta = ValueIteration.sweep(m, v, out);
        double[][] q = Bellman.q(m, v);
        double maxChange = 0;
        for (int s = 0; s < v.length; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (double x : q[s]) best = Math.max(best, x);
            assertEquals(best, out[s], 0);
            maxChange = Math.max(maxChange, Math.abs(best - v[s]));
        }
        assertEquals(maxChange, delta, 0);
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.sweep(m, v, v));
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.sweep(m, v, new double[3]));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 0})
    void segmentedSweepEqualsTheRowSweepBitForBit(int branching) {
        // Small segments (8 states) so that a small MDP spans many; branching 0: mixed rows and terminal states.
        SplittableRandom rng = new SplittableRandom(40 + branching);
        Mdp m = branching > 0 ? Garnet.generate(300, 3, branching, 0.95, rng) : RandomMdps.episodic(rng, 0.95);
        SegmentedTransitions st = SegmentedTransitions.of(m, 3);
        assertEquals((m.states() + 7) / 8, st.segments);
        double[] v = new double[m.states()];
        for (int s = 0; s < v.length; s++) v[s] = rng.nextDouble(-10, 10);
        double[] rows = new double[v.length];
        double expected = ValueIteration.sweepRows(m, v, rows, 0, v.length);
        for (int chunks : new int[] {1, 3, 64}) {
            double[] seg = new double[v.length];
            double delta = ValueIteration.sweepSegmented(m, st, v, seg, chunks);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(delta));
            for (int s = 0; s < v.length; s++) {
                assertEquals(Double.doubleToLongBits(rows[s]), Double.doubleToLongBits(seg[s]), "state " + s);
            }
        }
    }

    @Test
    void largeMdpsAreSweptBySegmentsWithTheSameResult() {
        Mdp m = Garnet.generate(ValueIteration.SEGMENTED_MIN_STATES, 2, 3, 0.99, new SplittableRandom(31));
        assertTrue(m.segmented() != null && m.segmented().segments >= 4);
        SplittableRandom rng = new SplittableRandom(32);
        double[] v = new double[m.states()];
        for (int s = 0; s < v.length; s++) v[s] = rng.nextDouble(0, 100);
        double[] rows = new double[v.length];
        double[] serial = new double[v.length];
        double[] parallel = new double[v.length];
        double d0 = ValueIteration.sweepRows(m, v, rows, 0, v.length);
        double d1 = ValueIteration.sweep(m, v, serial);
        double d2 = ValueIteration.sweepParallel(m, v, parallel);
        assertEquals(d0, d1, 0);
        assertEquals(d0, d2, 0);
        assertArrayEquals(rows, serial, 0);
        assertArrayEquals(rows, parallel, 0);
        // Derived MDPs share the layout: same transitions.
        assertTrue(m.withDiscount(0.5).segmented() == m.segmented());
    }

    @Test
    void rowsWithUnsortedSuccessorsGetNoSegmentedLayout() {
        Mdp unsorted = new Mdp(2, 1, 0.9, new int[] {0, 2, 3}, new int[] {1, 0, 0}, new double[] {0.5, 0.5, 1},
                new double[3], new double[2], new boolean[2], new double[] {1, 0}, null, null);
        assertEquals(null, SegmentedTransitions.of(unsorted, 0));
        assertTrue(SegmentedTransitions.of(Examples.chain(0.9), 0) != null);
    }

    @Test
    void largeSolveIsDeterministic() {
        // Above PARALLEL_THRESHOLD transitions, so solve sweeps in parallel.
        Mdp m = Garnet.generate(20_000, 4, 4, 0.9, new SplittableRandom(21));
        assertTrue(m.transitionCount() >= ValueIteration.PARALLEL_THRESHOLD);
        Solution a = ValueIteration.solve(m, ValueIteration.Options.defaults().withEpsilon(1e-6));
        Solution b = ValueIteration.solve(m, ValueIteration.Options.defaults().withEpsilon(1e-6));
        assertArrayEquals(a.values(), b.values(), 0);
        assertEquals(a.policy(), b.policy());
        assertEquals(a.iterations(), b.iterations());
    }
}
