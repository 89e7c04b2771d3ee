package org.alignlab.robust.grokking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProgressMeasuresTest {
    /** Logits of the paper's algorithm: sum over key k of cos(w_k (a + b - c)), plus noise at other frequencies. */
    private static double[] circuitLogits(int p, int[] keys, double noise, SplittableRandom rng) {
        int cols = p + 1;
        double[] l = new double[p * p * cols];
        double[] phase = new double[p];
        for (int k = 0; k < p; k++) phase[k] = rng.nextDouble() * 2 * Math.PI;
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
                for (int c = 0; c < cols; c++) {
                    double v = 0;
                    for (int k : keys) v += 4 * Math.cos(2 * Math.PI * k * (a + b - c) / p);
                    // another frequency over a alone: not along any (a + b) direction
                    v += noise * Math.cos(2 * Math.PI * 2 * a / p + phase[c % p]);
                    l[(a * p + b) * cols + c] = v;
                }
        return l;
    }

    private static int[] labels(int p) {
        int[] y = new int[p * p];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++) y[a * p + b] = (a + b) % p;
        return y;
    }

    private static int[] allRows(int p) {
        int[] r = new int[p * p];
        for (int i = 0; i < r.length; i++) r[i] = i;
        return r;
    }

    @Test
    void restrictedKeepsTheCircuitAndExcludedRemovesIt() {
        int p = 11, cols = p + 1;
        int[] keys = {3, 5};
        FourierBasis f = FourierBasis.of(p);
        double[] clean = circuitLogits(p, keys, 0, new SplittableRandom(1));
        double[] noisy = circuitLogits(p, keys, 3, new SplittableRandom(1));
        double[] restricted = ProgressMeasures.restricted(noisy, cols, f, keys);
        // The noise has mean zero over pairs in each column, so restricting recovers the clean logits. (The column
        // for the "=" token, c = p, is cos(w_k (a + b)) too, since p = 0 mod p.)
        for (int i = 0; i < clean.length; i++) assertEquals(clean[i], restricted[i], 1e-9, "entry " + i);
        double[] excluded = ProgressMeasures.excluded(clean, cols, f, keys);
        for (double v : excluded) assertEquals(0, v, 1e-9);
        int[] y = labels(p), rows = allRows(p);
        double full = ProgressMeasures.crossEntropy(noisy, cols, rows, y);
        double restrictedLoss = ProgressMeasures.crossEntropy(restricted, cols, rows, y);
        assertTrue(restrictedLoss < full, restrictedLoss + " vs " + full);
        assertEquals(1.0, ProgressMeasures.accuracy(clean, cols, rows, y));
        // Excluding frequencies the logits do not use changes nothing.
        double[] same = ProgressMeasures.excluded(noisy, cols, f, new int[] {1, 4});
        for (int i = 0; i < same.length; i++) assertEquals(noisy[i], same[i], 1e-9);
    }

    @Test
    void crossEntropyAndAccuracyByHand() {
        double[] logits = {0, Math.log(3), 0, 2, 1, 0};
        int[] y = {1, 0};
        double ce0 = -Math.log(3.0 / 5), ce1 = -Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(1) + 1));
        assertEquals((ce0 + ce1) / 2, ProgressMeasures.crossEntropy(logits, 3, new int[] {0, 1}, y), 1e-12);
        assertEquals(ce1, ProgressMeasures.crossEntropy(logits, 3, new int[] {1}, y), 1e-12);
        assertEquals(1.0, ProgressMeasures.accuracy(logits, 3, new int[] {0, 1}, y));
        assertEquals(0.0, ProgressMeasures.accuracy(logits, 3, new int[] {1}, new int[] {0, 2}));
    }
}
