package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MdpBuilderTest {
    @Test
    void rejectsProbabilitiesThatDoNotSumToOneNamingTheStateAndAction() {
        MdpBuilder b = Mdp.builder(4, 2);
        for (int s = 0; s < 4; s++) {
            for (int a = 0; a < 2; a++) b.deterministic(s, a, (s + 1) % 4);
        }
        b.transition(2, 1, 0, 0.25); // row (2, 1) now sums to 1.25
        UsageException e = assertThrows(UsageException.class, b::build);
        assertTrue(e.getMessage().contains("state 2, action 1"), e.getMessage());
        assertTrue(e.getMessage().contains("1.25"), e.getMessage());
    }

    @Test
    void rejectsARowShortOfOneUsingTheGivenNames() {
        MdpBuilder b = Mdp.builder(2, 2).stateNames("home", "away").actionNames("stay", "go");
        b.deterministic(0, 0, 0).deterministic(0, 1, 1).deterministic(1, 0, 1);
        b.transition(1, 1, 0, 0.5).transition(1, 1, 1, 0.4999);
        UsageException e = assertThrows(UsageException.class, b::build);
        assertTrue(e.getMessage().contains("state away, action go"), e.getMessage());
    }

    @Test
    void acceptsRoundingWithinTheToleranceButNotBeyond() {
        double third = 1.0 / 3;
        Mdp ok = Mdp.builder(3, 1).transition(0, 0, 0, third).transition(0, 0, 1, third).transition(0, 0, 2, third)
                .terminal(1).terminal(2).build();
        assertEquals(3, ok.transitionCount());
        MdpBuilder bad = Mdp.builder(2, 1).transition(0, 0, 0, 0.5).transition(0, 0, 1, 0.5 - 1e-8).terminal(1);
        assertThrows(UsageException.class, bad::build);
    }

    @Test
    void rejectsAMissingRowOfANonTerminalState() {
        MdpBuilder b = Mdp.builder(2, 2).deterministic(0, 0, 1).deterministic(0, 1, 1).deterministic(1, 0, 0);
        UsageException e = assertThrows(UsageException.class, b::build);
        assertTrue(e.getMessage().contains("state 1, action 1"), e.getMessage());
        assertTrue(e.getMessage().contains("terminal"), e.getMessage());
    }

    @Test
    void rejectsBadSingleTransitions() {
        MdpBuilder b = Mdp.builder(2, 2);
        assertTrue(assertThrows(UsageException.class, () -> b.transition(0, 1, 1, 1.5)).getMessage()
                .contains("0 --1--> 1"));
        assertThrows(UsageException.class, () -> b.transition(0, 0, 1, -0.1));
        assertThrows(UsageException.class, () -> b.transition(0, 0, 1, Double.NaN));
        assertThrows(UsageException.class, () -> b.transition(0, 2, 1, 1));
        assertThrows(UsageException.class, () -> b.transition(0, 0, 2, 1));
        assertThrows(UsageException.class, () -> b.transition(0, 0, 1, 1, Double.POSITIVE_INFINITY));
        assertThrows(UsageException.class, () -> b.discount(1.5));
        assertThrows(UsageException.class, () -> Mdp.builder(0, 1));
    }

    @Test
    void mergesRepeatedTransitionsAndComputesExpectedRewards() {
        Mdp m = Mdp.builder(3, 1).stateReward(0, 0.5).transition(0, 0, 1, 0.25, 4).transition(0, 0, 1, 0.25, 0)
                .transition(0, 0, 2, 0.5, -2).stateReward(2, 7).terminal(1).terminal(2).build();
        assertEquals(2, m.transitionCount());
        assertEquals(0.5, m.prob(m.rowStart(0, 0)), 0);
        assertEquals(2.0, m.transitionReward(m.rowStart(0, 0)), 1e-15);
        // R(0, 0) = 0.5 + 0.5·2 + 0.5·(−2)
        assertEquals(0.5, m.expectedReward(0, 0), 1e-15);
        // No step is taken from a terminal state, so its state reward is never received.
        assertEquals(0.0, m.expectedReward(2, 0), 0);
        assertEquals(0.0, m.withStateRewards(new double[] {1, 2, 3}).expectedReward(2, 0), 0);
        assertEquals(1.0, m.withStateRewards(new double[] {1, 2, 3}).expectedReward(0, 0), 0);
    }

    @RepeatedTest(20)
    void randomBuilderMdpsAreValidDistributions(RepetitionInfo info) {
        Mdp m = RandomMdps.episodic(new SplittableRandom(100 + info.getCurrentRepetition()), 0.9);
        for (int s = 0; s < m.states(); s++) {
            for (int a = 0; a < m.actions(); a++) {
                double sum = 0;
                int last = -1;
                for (int k = m.rowStart(s, a); k < m.rowEnd(s, a); k++) {
                    sum += m.prob(k);
                    assertTrue(m.next(k) > last, "successors sorted and distinct");
                    last = m.next(k);
                }
                if (m.terminal(s)) {
                    assertEquals(0, m.rowEnd(s, a) - m.rowStart(s, a));
                } else {
                    assertEquals(1.0, sum, Mdp.PROBABILITY_TOLERANCE);
                }
            }
        }
    }
}
