package org.alignlab.decision.mdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.api.Test;

class GarnetTest {
    @Test
    void sameSeedSameMdpBitForBit() {
        Mdp a = Garnet.generate(500, 3, 4, 0.95, new SplittableRandom(7));
        Mdp b = Garnet.generate(500, 3, 4, 0.95, new SplittableRandom(7));
        Mdp c = Garnet.generate(500, 3, 4, 0.95, new SplittableRandom(8));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void everyRowHasDistinctSuccessorsAndADistribution() {
        Mdp m = Garnet.generate(300, 4, 5, 0.9, new SplittableRandom(3));
        assertEquals(300 * 4 * 5, m.transitionCount());
        int[] hits = new int[m.states()];
        for (int s = 0; s < m.states(); s++) {
            for (int a = 0; a < m.actions(); a++) {
                assertEquals(5, m.rowEnd(s, a) - m.rowStart(s, a));
                double sum = 0;
                int last = -1;
                for (int k = m.rowStart(s, a); k < m.rowEnd(s, a); k++) {
                    assertTrue(m.next(k) > last);
                    last = m.next(k);
                    hits[last]++;
                    assertTrue(m.prob(k) >= 0);
                    sum += m.prob(k);
                    assertEquals(m.transitionReward(m.rowStart(s, a)), m.transitionReward(k), 0);
                }
                assertEquals(1.0, sum, 1e-12);
                double r = m.expectedReward(s, a);
                assertTrue(r >= 0 && r < 1 + 1e-12, "R(s, a) = " + r);
            }
        }
        // Successors are uniform: 6000 draws over 300 states, 20 expected each; none should be far off.
        for (int h : hits) assertTrue(h > 3 && h < 50, "successor count " + h);
    }

    @Test
    void fullBranchingCoversEveryState() {
        Mdp m = Garnet.generate(6, 2, 6, 0.5, new SplittableRandom(1));
        for (int s = 0; s < 6; s++) {
            for (int a = 0; a < 2; a++) {
                for (int i = 0; i < 6; i++) assertEquals(i, m.next(m.rowStart(s, a) + i));
            }
        }
    }

    @Test
    void rejectsBadSizes() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(UsageException.class, () -> Garnet.generate(3, 2, 4, 0.9, rng));
        assertThrows(UsageException.class, () -> Garnet.generate(3, 0, 1, 0.9, rng));
        assertThrows(UsageException.class, () -> Garnet.generate(3, 2, 1, 1.1, rng));
    }
}
