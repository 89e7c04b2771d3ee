package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class PolicyIterationTest {
    @Test
    void handMadeProblemsHaveTheirClosedForms() {
        Solution chain = PolicyIteration.solve(Examples.chain(0.9));
        assertEquals(9.0, chain.value(0), 1e-12);
        assertEquals(10.0, chain.value(1), 1e-12);
        assertEquals(1, chain.action(0));
        assertEquals(0, chain.action(1));
        assertTrue(chain.residual() < 1e-12);

        assertEquals(1.0, PolicyIteration.solve(Examples.gamble(1.2, 0.5)).value(0), 1e-12);
        assertEquals(0.6 / 0.55, PolicyIteration.solve(Examples.gamble(1.2, 0.9)).value(0), 1e-12);
        Solution undiscounted = PolicyIteration.solve(Examples.gamble(1.2, 1.0));
        assertEquals(1.2, undiscounted.value(0), 1e-12);
        assertEquals(1, undiscounted.action(0));
    }

    @RepeatedTest(60)
    void agreesWithValueIterationOnValuesAndOnClearlyOptimalActions(RepetitionInfo info) {
        SplittableRandom rng = new SplittableRandom(3000 + info.getCurrentRepetition());
        Mdp m = info.getCurrentRepetition() % 3 == 0
                ? RandomMdps.episodic(rng, rng.nextBoolean() ? 1.0 : 0.95)
                : RandomMdps.garnet(rng);
        double eps = 1e-9;
        Solution vi = ValueIteration.solve(m, ValueIteration.Options.defaults().withEpsilon(eps));
        Solution pi = PolicyIteration.solve(m);
        double tolerance = m.discount() < 1 ? eps : 1e-8;
        assertTrue(RandomMdps.supDistance(vi.values(), pi.values()) < tolerance);
        if (m.discount() < 1) assertTrue(pi.errorBound() < 1e-10, "bound " + pi.errorBound());
        int compared = 0;
        for (int s = 0; s < m.states(); s++) {
            if (m.terminal(s)) continue;
            double[] q = pi.q()[s];
            int best = pi.action(s);
            double second = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < q.length; a++) if (a != best) second = Math.max(second, q[a]);
            if (q[best] - second > 1e-6) {
                assertEquals(best, vi.action(s), "state " + s);
                compared++;
            }
        }
        if (m.actions() == 1) assertEquals(m.states() - countTerminal(m), compared);
    }

    @RepeatedTest(10)
    void iterativeEvaluationFallbackGivesTheSameSolution(RepetitionInfo info) {
        Mdp m = Garnet.generate(60, 3, 3, 0.9, new SplittableRandom(4000 + info.getCurrentRepetition()));
        Solution dense = PolicyIteration.solve(m);
        Solution iterative = PolicyIteration.solve(m, PolicyIteration.Options.defaults().withDenseLimit(0));
        assertTrue(RandomMdps.supDistance(dense.values(), iterative.values()) < 1e-9);
        assertTrue(iterative.errorBound() < 1e-8);
        assertEquals(dense.policy(), iterative.policy());
    }

    @Test
    void undiscountedProblemsWithoutAWayToTerminateAreRefused() {
        Mdp noExit = Mdp.builder(2, 1).discount(1.0).deterministic(0, 0, 1).deterministic(1, 0, 0).build();
        UsageException e = assertThrows(UsageException.class, () -> PolicyIteration.solve(noExit));
        assertTrue(e.getMessage().contains("state 0 cannot"), e.getMessage());
        // It can end, but looping between 0 and 1 pays 1 a step forever: unbounded values.
        Mdp positiveLoop = Mdp.builder(3, 2).discount(1.0).terminal(2)
                .deterministic(0, 0, 2).transition(0, 1, 1, 1, 1.0)
                .deterministic(1, 0, 2).transition(1, 1, 0, 1, 1.0).build();
        e = assertThrows(UsageException.class, () -> PolicyIteration.solve(positiveLoop));
        assertTrue(e.getMessage().contains("unbounded"), e.getMessage());
        // A given starting policy that never ends is refused too.
        assertThrows(UsageException.class, () -> PolicyIteration.solve(positiveLoop,
                PolicyIteration.Options.defaults(), new Policy.Deterministic(new int[] {1, 1, 0})));
    }

    private static int countTerminal(Mdp m) {
        int n = 0;
        for (int s = 0; s < m.states(); s++) if (m.terminal(s)) n++;
        return n;
    }
}
