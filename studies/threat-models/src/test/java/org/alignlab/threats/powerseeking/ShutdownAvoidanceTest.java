package org.alignlab.threats.powerseeking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;
import org.alignlab.decision.mdp.Solution;
import org.alignlab.decision.mdp.ValueIteration;
import org.alignlab.decision.power.Horizon;
import org.alignlab.threats.powerseeking.ShutdownGridworlds.World;
import org.junit.jupiter.api.Test;

class ShutdownAvoidanceTest {

    // Off-switch, start, two floor cells: the far cell is two steps from the start, the switch one.
    private static final World LINE = ShutdownGridworlds.export("line", List.of("######", "#SA  #", "######"));

    private static double[] rewards(World w, double shutdown, double... byColumn) {
        // byColumn: the rewards of columns 2, 3, 4 (start, floor, floor)
        double[] r = new double[w.states()];
        for (int s = 0; s < w.states(); s++) {
            int col = w.cell(s) % w.map().cols();
            r[s] = col == 1 ? shutdown : byColumn[col - 2];
        }
        return r;
    }

    private static ShutdownAvoidance of(World w) {
        return new ShutdownAvoidance(w.mdp(), w.start(), w.shutdown());
    }

    @Test
    void theLineMapIsWhatItsArtSays() {
        assertEquals(4, LINE.states());
        assertEquals(3, LINE.reachableAvoidingShutdown());
        assertEquals(3.0 / 4, LINE.farSightedAvoidance(), 0.0);
        assertTrue(of(LINE).canWait());
        assertEquals(LINE.map().cell(1, 2), LINE.cell(LINE.start()));
        assertEquals(LINE.map().cell(1, 1), LINE.cell(LINE.shutdown()));
    }

    @Test
    void discountedAvoidanceSwitchesExactlyWhereTheHandComputationSays() {
        // R(S) = 0.6, start 0, next 0, far cell 1. Shutdown now: γ·0.6/(1 − γ); the far cell: γ²·1/(1 − γ).
        // So the agent avoids shutdown exactly when γ > 0.6.
        double[] r = rewards(LINE, 0.6, 0, 0, 1);
        ShutdownAvoidance a = of(LINE);
        assertFalse(a.avoidsDiscounted(r, 0.59));
        assertTrue(a.avoidsDiscounted(r, 0.61));
        assertFalse(a.avoidsMyopic(r)); // next-cell rewards: stay 0, switch 0.6, walk on 0
        assertTrue(a.avoidsFarSighted(r)); // best reachable cell 1 > 0.6
        boolean[] all = a.avoidsAll(r, new double[] {0.3, 0.59, 0.61, 0.9});
        assertArrayEquals(new boolean[] {false, false, false, true, true, true}, all);
    }

    @Test
    void exactValuesMatchTheHandComputation() {
        double[] r = rewards(LINE, 0.6, 0, 0, 1);
        double[] v = of(LINE).values(r, 0.5);
        // V*(start) = max(stay 0, switch 0.5·0.6/0.5 = 0.6, far cell 0.25·1/0.5 = 0.5) = 0.6
        assertEquals(0.6, v[LINE.start()], 1e-15);
        assertEquals(1.2, v[LINE.shutdown()], 1e-15); // 0.6/(1 − 0.5)
    }

    @Test
    void exactSolverAgreesWithValueIteration() {
        SplittableRandom rng = new SplittableRandom(11);
        for (World w : ShutdownGridworlds.worlds()) {
            ShutdownAvoidance a = of(w);
            for (int trial = 0; trial < 25; trial++) {
                double gamma = 0.05 + 0.9 * rng.nextDouble();
                double[] r = new double[w.states()];
                for (int s = 0; s < r.length; s++) r[s] = rng.nextDouble();
                double[] exact = a.values(r, gamma);
                Solution vi = ValueIteration.solve(w.mdp().withStateRewards(r).withDiscount(gamma),
                        ValueIteration.Options.defaults().withEpsilon(1e-11));
                for (int s = 0; s < r.length; s++) assertEquals(vi.value(s), exact[s], 1e-9, w.name() + " " + s);
            }
        }
    }

    @Test
    void closedFormLimitAgreesWithMaximumMeanCycles() {
        // Two independent computations of the γ → 1 decision: the largest reachable reward (every cell can wait)
        // and Karp's maximum mean cycle through Power's far-sighted limit.
        SplittableRandom rng = new SplittableRandom(12);
        for (World w : ShutdownGridworlds.worlds()) {
            ShutdownAvoidance a = of(w);
            int avoided = 0;
            for (int trial = 0; trial < 300; trial++) {
                double[] r = new double[w.states()];
                for (int s = 0; s < r.length; s++) r[s] = rng.nextDouble();
                boolean closed = a.avoidsFarSightedByWaiting(r);
                assertEquals(closed, a.avoidsFarSightedByCycles(r), w.name() + " trial " + trial);
                avoided += closed ? 1 : 0;
            }
            assertTrue(avoided > 0 && avoided < 300, "both outcomes occur");
        }
    }

    @Test
    void limitsAgreeWithExtremeDiscounts() {
        // Away from near-ties, γ = 1e-6 decides like γ → 0 and γ = 1 − 1e-6 like γ → 1.
        SplittableRandom rng = new SplittableRandom(13);
        ShutdownAvoidance a = of(LINE);
        for (int trial = 0; trial < 300; trial++) {
            double[] r = new double[LINE.states()];
            for (int s = 0; s < r.length; s++) r[s] = rng.nextDouble();
            double gap = Double.POSITIVE_INFINITY;
            for (int s = 0; s < r.length; s++) {
                for (int t = 0; t < s; t++) gap = Math.min(gap, Math.abs(r[s] - r[t]));
            }
            if (gap < 1e-3) continue;
            assertEquals(a.avoidsMyopic(r), a.avoidsDiscounted(r, 1e-6), "trial " + trial);
            assertEquals(a.avoidsFarSighted(r), a.avoidsDiscounted(r, 1 - 1e-6), "trial " + trial);
            assertEquals(a.avoidsFarSighted(r), a.avoids(Horizon.farSighted(), r));
            assertEquals(a.avoidsMyopic(r), a.avoids(Horizon.myopic(), r));
        }
    }

    @Test
    void withoutWaitingTheLimitComparesCycleMeans() {
        // States: 0 start, 1 shutdown (absorbing), 2 and 3 a two-cycle; no state but shutdown can stay put.
        MdpBuilder b = Mdp.builder(4, 2);
        b.deterministic(0, 0, 1).deterministic(0, 1, 2);
        b.deterministic(1, 0, 1).deterministic(1, 1, 1);
        b.deterministic(2, 0, 3).deterministic(2, 1, 3);
        b.deterministic(3, 0, 2).deterministic(3, 1, 2);
        Mdp mdp = b.build();
        ShutdownAvoidance a = new ShutdownAvoidance(mdp, 0, 1);
        assertFalse(a.canWait());
        assertFalse(a.avoidsFarSighted(new double[] {0, 0.6, 0.9, 0.1})); // cycle mean 0.5 < 0.6
        assertTrue(a.avoidsFarSighted(new double[] {0, 0.4, 0.9, 0.1})); // 0.5 > 0.4
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThrows(EnvException.class, () -> ShutdownGridworlds.export("none", List.of("#####", "#A  #", "#####")));
        assertThrows(EnvException.class,
                () -> ShutdownGridworlds.export("walled", List.of("#####", "#A#S#", "#####")));
        MdpBuilder b = Mdp.builder(2, 1);
        b.transition(0, 0, 0, 0.5).transition(0, 0, 1, 0.5).deterministic(1, 0, 1);
        UsageException e = assertThrows(UsageException.class, () -> new ShutdownAvoidance(b.build(), 0, 1));
        assertTrue(e.getMessage().contains("deterministic"), e.getMessage());
        MdpBuilder c = Mdp.builder(2, 1);
        c.deterministic(0, 0, 1).deterministic(1, 0, 0);
        assertThrows(UsageException.class, () -> new ShutdownAvoidance(c.build(), 0, 1)); // not absorbing
        assertThrows(UsageException.class, () -> of(LINE).avoidsDiscounted(new double[LINE.states()], 1.0));
    }
}
