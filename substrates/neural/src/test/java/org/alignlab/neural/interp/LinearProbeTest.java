package org.alignlab.neural.interp;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.alignlab.neural.ActivationCache;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Neural;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.TransformerConfig;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
    /** Gaussian rows (n, d) and labels argmax_c x . v_c for planted directions v_c (or random labels). */
    static Object[] planted(long seed, int n, int d, int classes, boolean randomLabels) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] v = new float[classes][d];
        for (float[] vc : v) for (int j = 0; j < d; j++) vc[j] = (float) r.nextGaussian();
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < d; j++) x[i * d + j] = (float) r.nextGaussian();
            for (int c = 0; c < classes; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += x[i * d + j] * v[c][j];
                if (s > best) {
                    best = s;
                    y[i] = c;
                }
            }
            if (randomLabels) y[i] = r.nextInt(classes);
        }
        return new Object[] {x, y};
    }

    @Test
    void recoversAPlantedLinearFeatureAndNotNoise() {
        try (NDManager m = Neural.newManager()) {
            for (int trial = 0; trial < 2; trial++) {
                Object[] data = planted(trial, 1500, 12, 3, false);
                NDArray x = m.create((float[]) data[0], new Shape(1500, 12));
                var res = LinearProbe.fit(x, (int[]) data[1], 3, LinearProbe.Options.defaults(trial));
                assertEquals(1200, res.trainSize());
                assertEquals(300, res.testSize());
                assertTrue(res.testAccuracy() > 0.93, "planted: test accuracy " + res.testAccuracy());
                assertTrue(res.trainAccuracy() > 0.95, "planted: train accuracy " + res.trainAccuracy());
                // predict agrees with the training accuracy's notion of a prediction on a training row
                float[] row = java.util.Arrays.copyOfRange((float[]) data[0], 0, 12);
                assertTrue(res.predict(row) >= 0 && res.predict(row) < 3);

                Object[] noise = planted(trial, 1500, 12, 2, true);
                var none = LinearProbe.fit(m.create((float[]) noise[0], new Shape(1500, 12)), (int[]) noise[1], 2,
                        LinearProbe.Options.defaults(trial));
                // 300 test rows at chance: standard error 0.029; 0.62 is four of them above 0.5
                assertTrue(none.testAccuracy() < 0.62, "random labels: test accuracy " + none.testAccuracy());
            }
        }
    }

    @Test
    void sameSeedSameProbeBitForBit() {
        try (NDManager m = Neural.newManager()) {
            Object[] data = planted(7, 400, 6, 2, false);
            NDArray x = m.create((float[]) data[0], new Shape(400, 6));
            var o = new LinearProbe.Options(1e-2, 50, 0.05, 0.25, 3);
            var a = LinearProbe.fit(x, (int[]) data[1], 2, o);
            var b = LinearProbe.fit(x, (int[]) data[1], 2, o);
            var c = LinearProbe.fit(x, (int[]) data[1], 2, new LinearProbe.Options(1e-2, 50, 0.05, 0.25, 4));
            assertArrayEquals(a.weights(), b.weights());
            assertEquals(a.testAccuracy(), b.testAccuracy());
            assertFalse(java.util.Arrays.equals(a.weights(), c.weights()), "another split, other weights");
        }
    }

    /** On a cached (batch, pos, d_model) activation: the token id is linearly readable from hook_embed. */
    @Test
    void probesAnyCachedActivation() {
        var cfg = new TransformerConfig(1, 16, 2, 8, 32, 5, 4, TransformerConfig.Activation.RELU, false, false, true);
        try (var model = new HookedTransformer(cfg, 1); NDManager m = Neural.newManager()) {
            SplittableRandom r = new SplittableRandom(2);
            int[] tok = new int[100 * 4];
            for (int i = 0; i < tok.length; i++) tok[i] = r.nextInt(5);
            try (ActivationCache cache = model.runWithCache(m.create(tok, new Shape(100, 4)))) {
                var res = LinearProbe.fit(cache.get("hook_embed"), tok, 5, LinearProbe.Options.defaults(1));
                assertEquals(1.0, res.testAccuracy(), 1e-9);
                var ex = assertThrows(NeuralException.class, () -> LinearProbe.fit(cache.get("hook_embed"),
                        new int[10], 5, LinearProbe.Options.defaults(1)));
                assertEquals("probe: 10 labels for activations of shape (100, 4, 16) (400 rows)", ex.getMessage());
                assertThrows(NeuralException.class, () -> LinearProbe.fit(cache.get("hook_embed"), tok, 4,
                        LinearProbe.Options.defaults(1)));
            }
        }
        assertThrows(NeuralException.class, () -> new LinearProbe.Options(0, 10, 0.1, 1.0, 0));
    }
}
