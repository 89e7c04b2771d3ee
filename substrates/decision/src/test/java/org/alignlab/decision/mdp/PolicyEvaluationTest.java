package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {
    @Test
    void chainPoliciesHaveClosedForms() {
        Mdp m = Examples.chain(0.9);
        // Always stay: state 0 earns nothing, state 1 earns 1 a step.
        double[] stay = PolicyEvaluation.exact(m, new Policy.Deterministic(new int[] {0, 0}));
        assertEquals(0.0, stay[0], 1e-12);
        assertEquals(10.0, stay[1], 1e-12);
        // Uniform: V1 = 0.5 + 0.9(V0 + V1)/2 and V0 = 0.9(V0 + V1)/2, so V1 − V0 = 0.5 and V0 = 0.45·(2V0 + 0.5).
        double[] uniform = PolicyEvaluation.exact(m, Policies.uniform(2, 2));
        double v0 = 0.225 / 0.1;
        assertEquals(v0, uniform[0], 1e-12);
        assertEquals(v0 + 0.5, uniform[1], 1e-12);
    }

    @RepeatedTest(60)
    void linearSolveEqualsIterativeEvaluation(RepetitionInfo info) {
        SplittableRandom rng = new SplittableRandom(5000 + info.getCurrentRepetition());
        Mdp m = info.getCurrentRepetition() % 2 == 0 ? RandomMdps.garnet(rng)
                : RandomMdps.episodic(rng, rng.nextBoolean() ? 1.0 : 0.9);
        Policy policy = rng.nextBoolean() ? RandomMdps.stochasticPolicy(rng, m.states(), m.actions())
                : RandomMdps.deterministicPolicy(rng, m.states(), m.actions());
        double[] exact = PolicyEvaluation.exact(m, policy);
        double[] iterative = PolicyEvaluation.iterative(m, policy, 1e-11);
        double tolerance = m.discount() < 1 ? 1e-11 + 1e-13 / (1 - m.discount()) : 1e-9;
        assertTrue(RandomMdps.supDistance(exact, iterative) < tolerance,
                "distance " + RandomMdps.supDistance(exact, iterative));
        // The exact solution is a fixed point of T^π to rounding.
        assertTrue(Bellman.policyResidual(m, policy, exact) < 1e-12 * Math.max(1, RandomMdps.supNorm(exact)));
        for (int s = 0; s < m.states(); s++) if (m.terminal(s)) assertEquals(0.0, exact[s], 0);
    }

    @Test
    void undiscountedPolicyThatLoopsIsRefused() {
        Mdp gamble = Examples.gamble(1.2, 1.0);
        // Action 1 in state 0 ends with probability 1/2 a step: fine.
        assertEquals(1.2, PolicyEvaluation.exact(gamble, new Policy.Deterministic(new int[] {1, 0}))[0], 1e-12);
        Mdp stuck = Mdp.builder(3, 2).discount(1.0).terminal(2).deterministic(0, 0, 0).deterministic(0, 1, 2)
                .deterministic(1, 0, 1).deterministic(1, 1, 2).build();
        UsageException e = assertThrows(UsageException.class,
                () -> PolicyEvaluation.exact(stuck, new Policy.Deterministic(new int[] {1, 0, 0})));
        assertTrue(e.getMessage().contains("from state 1"), e.getMessage());
        assertThrows(UsageException.class,
                () -> PolicyEvaluation.iterative(stuck, new Policy.Deterministic(new int[] {0, 1, 0}), 1e-9));
    }

    @Test
    void policyMustFitTheMdp() {
        Mdp m = Examples.chain(0.9);
        assertThrows(UsageException.class, () -> PolicyEvaluation.exact(m, new Policy.Deterministic(new int[] {0})));
        assertThrows(UsageException.class,
                () -> PolicyEvaluation.exact(m, new Policy.Deterministic(new int[] {0, 2})));
        assertThrows(UsageException.class, () -> PolicyEvaluation.exact(m, Policies.uniform(2, 3)));
    }
}
