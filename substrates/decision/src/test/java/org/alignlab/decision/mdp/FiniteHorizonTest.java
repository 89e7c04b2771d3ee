package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class FiniteHorizonTest {
    @Test
    void chainWithHStepsToGo() {
        // Undiscounted: from state 1 stay H − t times; from state 0 move once, then stay.
        int h = 5;
        FiniteHorizonSolution sol = FiniteHorizon.solve(Examples.chain(1.0), h);
        assertEquals(h, sol.horizon());
        for (int t = 0; t <= h; t++) {
            assertEquals(h - t, sol.value(t, 1), 0);
            assertEquals(Math.max(0, h - t - 1), sol.value(t, 0), 0);
        }
        for (int t = 0; t < h - 1; t++) {
            assertEquals(1, sol.action(t, 0));
            assertEquals(0, sol.action(t, 1));
        }
        // On the last step moving and staying in state 0 both pay 0: the tie goes to action 0.
        assertEquals(0, sol.action(h - 1, 0));
        assertEquals(h - 1, sol.policies().size() - 1);
        assertEquals(new Policy.Deterministic(new int[] {0, 0}), sol.policyAt(h - 1));
    }

    @Test
    void zeroHorizonAndBadHorizon() {
        FiniteHorizonSolution sol = FiniteHorizon.solve(Examples.chain(0.9), 0);
        assertEquals(1, sol.values().length);
        assertEquals(0, sol.actions().length);
        assertThrows(UsageException.class, () -> FiniteHorizon.solve(Examples.chain(0.9), -1));
    }

    @RepeatedTest(30)
    void longHorizonApproachesTheDiscountedSolution(RepetitionInfo info) {
        SplittableRandom rng = new SplittableRandom(6000 + info.getCurrentRepetition());
        Mdp m = Garnet.generate(2 + rng.nextInt(20), 1 + rng.nextInt(4), 1 + rng.nextInt(2), 0.9, rng);
        Solution inf = PolicyIteration.solve(m);
        // Rewards are in [0, 1): |V_0 − V*| ≤ γ^H/(1 − γ).
        int h = 200;
        FiniteHorizonSolution fin = FiniteHorizon.solve(m, h);
        double gap = Math.pow(0.9, h) / 0.1;
        assertTrue(RandomMdps.supDistance(fin.values()[0], inf.values()) <= gap + 1e-12);
        // V_t increases with the steps to go (non-negative rewards), and is optimal: a Bellman backup of V_{t+1}.
        for (int t = 0; t < h; t++) {
            double[] out = new double[m.states()];
            ValueIteration.sweep(m, fin.values()[t + 1], out);
            for (int s = 0; s < m.states(); s++) {
                assertEquals(out[s], fin.value(t, s), 0);
                assertTrue(fin.value(t, s) >= fin.value(t + 1, s));
            }
        }
        for (int s = 0; s < m.states(); s++) {
            double[] q = inf.q()[s];
            double second = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < q.length; a++) if (a != inf.action(s)) second = Math.max(second, q[a]);
            if (q[inf.action(s)] - second > 1e-6) assertEquals(inf.action(s), fin.action(0, s));
        }
    }
}
