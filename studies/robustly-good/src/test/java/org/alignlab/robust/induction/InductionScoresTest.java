package org.alignlab.robust.induction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InductionScoresTest {

    /** Two sequences of length 10: (prefix 1, segment 3) and (prefix 0, segment 4). */
    private static RepeatedTokens data() {
        int[] t = new int[20];
        return new RepeatedTokens(t, 2, 10, new int[] {1, 0}, new int[] {3, 4});
    }

    private static float[] pattern(int batch, int heads, int n) {
        return new float[batch * heads * n * n];
    }

    private static void set(float[] p, int heads, int n, int b, int h, int q, int k, float v) {
        p[(((b * heads) + h) * n + q) * n + k] = v;
    }

    @Test
    void handMadeInductionPatternScoresOneAndOtherHeadsZero() {
        RepeatedTokens d = data();
        int n = 10, heads = 3;
        float[] p = pattern(2, heads, n);
        // Head 0: perfect induction (query P + L + j - 1 -> key P + j); head 1: previous token; head 2: itself.
        for (int b = 0; b < 2; b++) {
            int pre = d.prefix()[b], len = d.segment()[b];
            for (int q = 0; q < n; q++) {
                set(p, heads, n, b, 1, q, Math.max(q - 1, 0), 1);
                set(p, heads, n, b, 2, q, q, 1);
            }
            for (int j = 1; j <= len; j++) set(p, heads, n, b, 0, pre + len + j - 1, pre + j, 1);
        }
        double[] s = InductionScores.prefixMatching(p, heads, d);
        assertEquals(1.0, s[0], 1e-12);
        assertEquals(0.0, s[1], 1e-12);
        assertEquals(0.0, s[2], 1e-12);
        double[] prev = InductionScores.previousToken(p, heads, d);
        assertEquals(1.0, prev[1], 1e-12);
        assertEquals(0.0, prev[2], 1e-12);
        // Head 0 attends to the previous token only at the queries where the induction target is q - 1: none.
        assertEquals(0.0, prev[0], 1e-12);
    }

    @Test
    void uniformCausalAttentionScoresTheMeanOfOneOverQueryPlusOne() {
        RepeatedTokens d = data();
        int n = 10;
        float[] p = pattern(2, 1, n);
        for (int b = 0; b < 2; b++)
            for (int q = 0; q < n; q++)
                for (int k = 0; k <= q; k++) set(p, 1, n, b, 0, q, k, 1f / (q + 1));
        // Sequence 0: queries 4, 5, 6 (prefix 1, L 3); sequence 1: queries 4, 5, 6, 7 (prefix 0, L 4).
        double expected = (1 / 5.0 + 1 / 6.0 + 1 / 7.0 + 1 / 5.0 + 1 / 6.0 + 1 / 7.0 + 1 / 8.0) / 7;
        assertEquals(expected, InductionScores.prefixMatching(p, 1, d)[0], 1e-7);
    }

    @Test
    void copyLossAveragesThePredictableTokensOfEachCopy() {
        RepeatedTokens d = data();
        float[] loss = new float[2 * 9];
        // Index k predicts token k + 1. Sequence 0 (prefix 1, L 3): copy 0 tokens 2, 3; copy 1 tokens 5, 6.
        loss[1] = 1;
        loss[2] = 3;
        loss[4] = 10;
        loss[5] = 20;
        // Sequence 1 (prefix 0, L 4): copy 0 tokens 1, 2, 3; copy 1 tokens 5, 6, 7.
        loss[9] = 2;
        loss[9 + 4] = 7;
        assertEquals((1 + 3 + 2) / 5.0, InductionScores.copyLoss(loss, d, 0), 1e-12);
        assertEquals((10 + 20 + 7) / 5.0, InductionScores.copyLoss(loss, d, 1), 1e-12);
    }

    @Test
    void halfwayStepFindsTheCrossing() {
        double[] steps = {0, 10, 20, 30, 40};
        assertEquals(30, InductionScores.halfwayStep(steps, new double[] {4, 4, 3.9, 2, 1}, 4)); // target 2.5
        assertEquals(20, InductionScores.halfwayStep(steps, new double[] {0.05, 0.06, 0.5, 0.8, 0.9}, 0.05));
    }

    @Test
    void sampledSequencesRepeatTheirSegmentAndFit() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 8 + rng.nextInt(40), max = 2 + rng.nextInt(n / 2 - 1), min = 2 + rng.nextInt(max - 1);
            RepeatedTokens d = RepeatedTokens.sample(rng, 5, n, 7, min, max);
            for (int b = 0; b < d.batch(); b++) {
                int p = d.prefix()[b], len = d.segment()[b];
                assertEquals(true, len >= min && len <= max && p + 2 * len <= n);
                for (int j = 0; j < len; j++)
                    assertEquals(d.tokens()[b * n + p + j], d.tokens()[b * n + p + len + j]);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> new RepeatedTokens(new int[10], 1, 10, new int[] {3}, new int[] {4}));
    }
}
