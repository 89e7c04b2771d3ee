package org.alignlab.decision.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Garnet;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;
import org.alignlab.decision.mdp.PolicyIteration;
import org.alignlab.decision.mdp.Solution;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class AupTest {
    static final int DETOUR = 0;
    static final int BREAK = 1;
    static final int NOOP = 2;
    static final double TOL = 1e-6;

    /**
     * Three states: 0 start, 1 detour, 2 broken (absorbing). The detour action moves 0 ↔ 1 (reversible), the break
     * action moves 0 or 1 into 2 (irreversible), the no-op stays. Primary reward: 1 for breaking from state 0.
     */
    static Mdp breakable() {
        MdpBuilder b = Mdp.builder(3, 3).discount(0.9);
        b.deterministic(0, DETOUR, 1).deterministic(1, DETOUR, 0).deterministic(2, DETOUR, 2);
        b.transition(0, BREAK, 2, 1.0, 1.0).deterministic(1, BREAK, 2).deterministic(2, BREAK, 2);
        for (int s = 0; s < 3; s++) b.deterministic(s, NOOP, s);
        return b.initial(0).build();
    }

    // One auxiliary reward, r = (1, 0, 0): being at the start is what it values.
    static final AuxiliaryRewards AT_START = new AuxiliaryRewards(new double[][] {{1, 0, 0}});

    @Test
    void penaltyByHand() {
        Aup aup = Aup.exact(breakable(), AT_START, NOOP);
        AttainableUtility au = aup.attainableUtility();
        // V(0) = V(1) = 1/(1 − 0.9) = 10 (stay at, or return to, the start); V(2) = 0.
        assertEquals(9, au.q(0, 0, DETOUR), TOL);   // 0 + 0.9 · V(1)
        assertEquals(0, au.q(0, 0, BREAK), TOL);    // the start is lost for good
        assertEquals(10, au.q(0, 0, NOOP), TOL);    // 1 + 0.9 · V(0)
        assertEquals(1, aup.penalty(0, DETOUR), TOL);
        assertEquals(10, aup.penalty(0, BREAK), TOL);
        assertEquals(0, aup.penalty(0, NOOP), 0.0);
        assertEquals(10, aup.scale(0), TOL);
        assertEquals(0.1, aup.scaledPenalty(0, DETOUR), TOL);
        assertEquals(1, aup.scaledPenalty(0, BREAK), TOL);
        assertEquals(9, aup.scale(1), TOL);
        assertEquals(1, aup.scaledPenalty(1, BREAK), TOL); // |0 − 9| / 9
        assertEquals(1 - 0.5, aup.reward(0, BREAK, 0.5), TOL);
        for (int a = 0; a < 3; a++) assertEquals(0, aup.penalty(2, a), TOL); // nothing left to change
    }

    @Test
    void lambdaTradesTheRewardAgainstTheIrreversibleAction() {
        Aup aup = Aup.exact(breakable(), AT_START, NOOP);
        assertEquals(BREAK, aup.solve(0).action(0));   // the plain agent breaks
        assertEquals(BREAK, aup.solve(0.5).action(0)); // 1 − 0.5 > 0: still worth it
        assertEquals(NOOP, aup.solve(2).action(0));    // 1 − 2 < 0: it does nothing instead
    }

    @Test
    void perFunctionScalingAndNoScaling() {
        Mdp m = breakable();
        AttainableUtility au = AttainableUtility.solve(m, AT_START, NOOP);
        assertEquals(10, new Aup(m, au, Aup.Scaling.NONE).scaledPenalty(0, BREAK), TOL);
        assertEquals(0.1, new Aup(m, au, Aup.Scaling.PER_FUNCTION).scaledPenalty(0, DETOUR), TOL);
        assertEquals(Aup.Scaling.PER_FUNCTION, Aup.Scaling.parse("per-function"));
        assertThrows(UsageException.class, () -> Aup.Scaling.parse("max"));
    }

    @Test
    void inactionRolloutWaitsBeforeComparing() {
        // With n = 2 the no-op's utility is "wait 2 steps, then optimal": at the start 1 + 0.9 · 1 + 0.81 · 10.
        AttainableUtility au = AttainableUtility.solve(breakable(), AT_START, NOOP, 2,
                PolicyIteration.Options.defaults());
        assertEquals(10, au.q(0, 0, NOOP), TOL);
        assertEquals(0 + 0.9 * (0 + 0.9 * 10), au.q(0, 0, DETOUR), TOL); // to 1, wait there once, then back: 8.1
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        Mdp m = breakable();
        assertThrows(UsageException.class, () -> AttainableUtility.solve(m, AT_START, 3));
        assertThrows(UsageException.class, () -> AttainableUtility.solve(m, AT_START, NOOP, 0,
                PolicyIteration.Options.defaults()));
        assertThrows(UsageException.class, () -> AttainableUtility.solve(m,
                new AuxiliaryRewards(new double[][] {{1, 0}}), NOOP));
        assertThrows(UsageException.class, () -> new AuxiliaryRewards(new double[][] {{1, Double.NaN, 0}}));
        assertThrows(UsageException.class, () -> Aup.exact(m, AT_START, NOOP).solve(-1));
    }

    @Test
    void uniformSamplingIsSeededAndInRange() {
        AuxiliaryRewards a = AuxiliaryRewards.uniform(5, 7, new SplittableRandom(3));
        AuxiliaryRewards b = AuxiliaryRewards.uniform(5, 7, new SplittableRandom(3));
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(a.values()[i], b.values()[i], 0.0);
            for (double x : a.values()[i]) assertTrue(x >= 0 && x < 1);
        }
    }

    /** Random MDPs with the last action made a no-op: the invariants of the penalty and the AUP reward. */
    @RepeatedTest(25)
    void invariantsOnRandomMdps(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(1000 + rep.getCurrentRepetition());
        int states = 3 + rng.nextInt(10);
        int actions = 2 + rng.nextInt(3);
        Mdp g = Garnet.generate(states, actions, 1 + rng.nextInt(3), 0.5 + 0.45 * rng.nextDouble(), rng);
        MdpBuilder b = Mdp.builder(states, actions + 1).discount(g.discount());
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                for (int k = g.rowStart(s, a); k < g.rowEnd(s, a); k++) {
                    b.transition(s, a, g.next(k), g.prob(k), g.transitionReward(k));
                }
            }
            b.deterministic(s, actions, s);
            b.stateReward(s, g.stateReward(s));
        }
        Mdp m = b.build();
        int noop = actions;
        AuxiliaryRewards aux = AuxiliaryRewards.uniform(1 + rng.nextInt(6), states, rng);
        Aup aup = Aup.exact(m, aux, noop);
        for (int s = 0; s < states; s++) {
            assertEquals(0, aup.penalty(s, noop), 0.0, "the no-op is never penalised");
            assertTrue(aup.scale(s) > 0);
            for (int a = 0; a <= actions; a++) {
                assertTrue(aup.penalty(s, a) >= 0);
                assertEquals(m.expectedReward(s, a), aup.reward(s, a, 0), 1e-12);
                assertTrue(aup.reward(s, a, 1) <= aup.reward(s, a, 0));
            }
        }
        Solution plain = PolicyIteration.solve(m);
        Solution zero = aup.solve(0);
        assertArrayEquals(plain.values(), zero.values(), 1e-9, "λ = 0 is the plain agent");
        Solution weak = aup.solve(0.3);
        Solution strong = aup.solve(3);
        for (int s = 0; s < states; s++) {
            assertTrue(weak.value(s) <= zero.value(s) + 1e-9, "more λ, less R_AUP value");
            assertTrue(strong.value(s) <= weak.value(s) + 1e-9);
            // The no-op stays available at no penalty, so the AUP value is at least that of waiting forever.
            assertTrue(strong.value(s) >= Math.min(0, m.expectedReward(s, noop)) / (1 - m.discount()) - 1e-6);
        }
    }
}
