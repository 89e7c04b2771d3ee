package org.alignlab.neural.interp;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.alignlab.neural.Neural;
import org.alignlab.neural.NeuralException;
import org.junit.jupiter.api.Test;

class SparseAutoencoderTest {
    /** Random unit vectors (k, d). */
    static float[][] directions(SplittableRandom r, int k, int d) {
        float[][] v = new float[k][d];
        for (float[] vi : v) {
            double n = 0;
            for (int j = 0; j < d; j++) n += (vi[j] = (float) r.nextGaussian()) * vi[j];
            for (int j = 0; j < d; j++) vi[j] /= (float) Math.sqrt(n);
        }
        return v;
    }

    /** Rows x = sum_i a_i v_i with each a_i nonzero (Uniform[0.5, 1.5]) with probability p. */
    static float[] sparseMixture(SplittableRandom r, float[][] v, int n, double p) {
        int d = v[0].length;
        float[] x = new float[n * d];
        for (int row = 0; row < n; row++)
            for (float[] vi : v) {
                if (r.nextDouble() >= p) continue;
                double a = 0.5 + r.nextDouble();
                for (int j = 0; j < d; j++) x[row * d + j] += (float) (a * vi[j]);
            }
        return x;
    }

    static double bestCosine(SparseAutoencoder sae, float[] v) {
        double best = -1;
        for (int i = 0; i < sae.features(); i++) {
            float[] w = sae.direction(i);
            double dot = 0;
            for (int j = 0; j < v.length; j++) dot += w[j] * v[j];
            best = Math.max(best, dot);
        }
        return best;
    }

    /**
     * Eight planted directions in 12 dimensions, each active in 8% of rows: the dictionary learns every one of them
     * (cosine > 0.95), while at initialisation none is matched that well.
     */
    @Test
    void recoversPlantedSparseDirections() {
        SplittableRandom r = new SplittableRandom(11);
        float[][] v = directions(r, 8, 12);
        float[] x = sparseMixture(r, v, 6000, 0.08);
        try (var sae = new SparseAutoencoder(12, 16, 1); NDManager m = Neural.newManager()) {
            int matchedAtStart = 0;
            for (float[] vi : v) if (bestCosine(sae, vi) > 0.95) matchedAtStart++;
            assertTrue(matchedAtStart < 2, "random dictionary matches " + matchedAtStart);
            var fit = sae.train(m.create(x, new Shape(6000, 12)), new SparseAutoencoder.Options(0.03, 1e-2, 128, 1100, 0.2, 2));
            double worst = 1;
            for (float[] vi : v) worst = Math.min(worst, bestCosine(sae, vi));
            System.out.printf("sae: worst planted cosine %.4f, held-out %s%n", worst, fit.heldOut());
            for (int i = 0; i < 8; i++) assertTrue(bestCosine(sae, v[i]) > 0.95, "direction " + i + ": " + bestCosine(sae, v[i]));
            var rep = fit.heldOut();
            assertEquals(1200, rep.rows());
            assertEquals(4800, fit.trainRows());
            assertTrue(rep.varianceExplained() > 0.9, "variance explained " + rep.varianceExplained());
            // 8 x 0.08 = 0.64 planted features per row; a good dictionary needs few more than that
            assertTrue(rep.l0() < 2, "L0 " + rep.l0());
            for (int i = 0; i < 16; i++) {
                double n = 0;
                for (float w : sae.direction(i)) n += w * w;
                assertEquals(1, n, 1e-4, "unit-norm dictionary vector " + i);
            }
        }
    }

    /**
     * Features with a very negative encoder bias never fire: the report counts exactly them as dead; the others fire
     * on about half of a Gaussian batch at initialisation (W_enc = W_dec^T, zero bias).
     */
    @Test
    void deadFeaturesAreTheOnesThatNeverFire() {
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[2000 * 10];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        try (var sae = new SparseAutoencoder(10, 20, 4); NDManager m = Neural.newManager()) {
            float[] b = new float[20];
            for (int i : new int[] {0, 3, 4, 11, 19}) b[i] = -100;
            sae.parameters().set("sae.b_enc", b);
            var rep = sae.evaluate(m.create(x, new Shape(2000, 10)));
            assertEquals(5, rep.deadFeatures());
            for (int i = 0; i < 20; i++) {
                if (b[i] < 0) assertEquals(0, rep.fireCounts()[i]);
                else assertEquals(1000, rep.fireCounts()[i], 120, "feature " + i);
            }
            assertEquals(15 * 0.5, rep.l0(), 0.5);
            // all features off: x_hat = b_dec = 0, so the error is the mean square of x
            sae.parameters().set("sae.b_enc", filled(20, -100));
            var off = sae.evaluate(m.create(x, new Shape(2000, 10)));
            double ms = 0;
            for (float xi : x) ms += xi * xi;
            assertEquals(ms / x.length, off.mse(), 1e-9);
            assertEquals(20, off.deadFeatures());
            assertEquals(0, off.l0());
            var ex = assertThrows(NeuralException.class, () -> sae.evaluate(m.zeros(new Shape(5, 9))));
            assertEquals("sae: rows of shape (5, 9) does not fit; expected (*, 10)", ex.getMessage());
        }
    }

    static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void sameSeedSameDictionaryBitForBit() {
        SplittableRandom r = new SplittableRandom(5);
        float[] x = sparseMixture(r, directions(r, 4, 6), 500, 0.2);
        var o = new SparseAutoencoder.Options(0.05, 5e-3, 64, 40, 0.2, 9);
        float[][] w = new float[3][];
        for (int k = 0; k < 3; k++) {
            try (var sae = new SparseAutoencoder(6, 8, k == 2 ? 8 : 7); NDManager m = Neural.newManager()) {
                sae.train(m.create(x, new Shape(500, 6)), o);
                w[k] = sae.parameters().floats("sae.W_dec");
            }
        }
        assertArrayEquals(w[0], w[1]);
        assertFalse(java.util.Arrays.equals(w[0], w[2]));
    }
}
