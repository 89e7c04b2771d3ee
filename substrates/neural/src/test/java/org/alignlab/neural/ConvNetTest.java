package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.neural.ConvNet.Layer;
import org.junit.jupiter.api.Test;

class ConvNetTest {
    static float[] randomFloats(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    /** Conv2d (stride 2, padding 1) then max-pool against loops over the definition, on random inputs and weights. */
    @Test
    void convAndPoolMatchTheDefinition() {
        for (int trial = 0; trial < 4; trial++) {
            SplittableRandom r = new SplittableRandom(100 + trial);
            int cin = 1 + r.nextInt(3), cout = 1 + r.nextInt(4), hw = 7 + r.nextInt(4), k = 3, stride = 2, pad = 1;
            int batch = 2;
            try (var net = new ConvNet(cin, hw, hw, List.of(new Layer.Conv2d(cout, k, stride, pad),
                    new Layer.MaxPool2d(2), new Layer.Flatten(), new Layer.Dense(3)), trial);
                 NDManager m = Neural.newManager()) {
                float[] x = randomFloats(r, batch * cin * hw * hw);
                float[] w = net.parameters().floats("conv0.W"), b = net.parameters().floats("conv0.b");
                int oh = (hw + 2 * pad - k) / stride + 1;
                assertArrayEquals(new long[] {cout, oh, oh}, net.outputShape(0));
                double[] conv = new double[batch * cout * oh * oh];
                for (int n = 0; n < batch; n++)
                    for (int o = 0; o < cout; o++)
                        for (int i = 0; i < oh; i++)
                            for (int j = 0; j < oh; j++) {
                                double s = b[o];
                                for (int c = 0; c < cin; c++)
                                    for (int u = 0; u < k; u++)
                                        for (int v = 0; v < k; v++) {
                                            int y = i * stride - pad + u, xx = j * stride - pad + v;
                                            if (y < 0 || y >= hw || xx < 0 || xx >= hw) continue;
                                            s += w[((o * cin + c) * k + u) * k + v] * x[((n * cin + c) * hw + y) * hw + xx];
                                        }
                                conv[((n * cout + o) * oh + i) * oh + j] = s;
                            }
                try (ActivationCache cache = net.runWithCache(m.create(x, new Shape(batch, cin, hw, hw)))) {
                    float[] got = cache.floats("conv0.hook_out");
                    for (int i = 0; i < conv.length; i++) assertEquals(conv[i], got[i], 1e-4, "conv at " + i);
                    float[] pool = cache.floats("pool1.hook_out");
                    int ph = oh / 2;
                    for (int n = 0; n < batch * cout; n++)
                        for (int i = 0; i < ph; i++)
                            for (int j = 0; j < ph; j++) {
                                double mx = Double.NEGATIVE_INFINITY;
                                for (int u = 0; u < 2; u++)
                                    for (int v = 0; v < 2; v++) mx = Math.max(mx, got[(n * oh + 2 * i + u) * oh + 2 * j + v]);
                                assertEquals(mx, pool[(n * ph + i) * ph + j], 0, "pool");
                            }
                    assertArrayEquals(new long[] {batch, 3}, cache.logits().getShape().getShape());
                }
            }
        }
    }

    /** 8x8 images with one vertical or one horizontal bar in noise; the label is the orientation. */
    static NDArray[] bars(NDManager m, long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] img = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            int line = r.nextInt(8);
            for (int p = 0; p < 64; p++) img[i * 64 + p] = (float) (0.3 * r.nextGaussian());
            for (int t = 0; t < 8; t++) img[i * 64 + (y[i] == 0 ? t * 8 + line : line * 8 + t)] += 1f;
        }
        return new NDArray[] {m.create(img, new Shape(n, 1, 8, 8)), m.create(y)};
    }

    static List<Layer> barNet() {
        return List.of(Layer.Conv2d.same(4, 3), new Layer.Relu(), new Layer.MaxPool2d(2), new Layer.Flatten(),
                new Layer.Dropout(0.2), new Layer.Dense(2));
    }

    @Test
    void learnsBarOrientationAndLeavesNoArraysBehind() {
        try (var net = new ConvNet(1, 8, 8, barNet(), 3); NDManager data = Neural.newManager()) {
            NDArray[] train = bars(data, 1, 128), test = bars(data, 2, 256);
            int inData = data.getManagedArrays().size();
            Trainer tr = new Trainer(net, AdamConfig.adam(3e-2));
            int inParams = net.parameters().manager().getManagedArrays().size();   // weights and Adam's moments
            try (NDArray before = net.run(test[0])) {
                assertTrue(Losses.accuracy(before, test[1]) < 0.8);
            }
            for (int i = 0; i < 60; i++)
                tr.step((s, t) -> Losses.crossEntropy(net.forward(train[0], true), train[1]));
            try (NDArray after = net.run(test[0])) {
                double acc = Losses.accuracy(after, test[1]);
                assertTrue(acc > 0.95, "test accuracy " + acc);
            }
            assertEquals(inData, data.getManagedArrays().size());
            assertEquals(inParams, net.parameters().manager().getManagedArrays().size());
            assertEquals(60, net.dropoutPasses());
        }
    }

    /** A training pass through Flatten, Dropout, Dense with W = identity and b = 0 returns the dropout mask itself. */
    private static float[] mask(ConvNet net, NDArray ones) {
        try (NDArray out = net.scope(ones.getManager(), s -> net.forward(ones, true))) {
            return out.toFloatArray();
        }
    }

    @Test
    void dropoutIsSeededScaledAndOffInEvaluation() {
        List<Layer> layers = List.of(new Layer.Flatten(), new Layer.Dropout(0.25), new Layer.Dense(400));
        float[] eye = new float[400 * 400];
        for (int i = 0; i < 400; i++) eye[i * 400 + i] = 1f;
        try (var a = new ConvNet(1, 20, 20, layers, 5); var b = new ConvNet(1, 20, 20, layers, 5);
             var c = new ConvNet(1, 20, 20, layers, 6); NDManager m = Neural.newManager()) {
            NDArray ones = m.ones(new Shape(5, 1, 20, 20));
            float[][] first = new float[3][], second = new float[3][];
            ConvNet[] nets = {a, b, c};
            for (int k = 0; k < 3; k++) {
                nets[k].parameters().set("dense2.W", eye);
                nets[k].parameters().set("dense2.b", new float[400]);
                try (ActivationCache cache = nets[k].runWithCache(ones)) {
                    assertArrayEquals(ones.toFloatArray(), cache.logits().toFloatArray(), "no dropout in evaluation");
                }
                first[k] = mask(nets[k], ones);
                second[k] = mask(nets[k], ones);
                assertEquals(2, nets[k].dropoutPasses());
            }
            assertArrayEquals(first[0], first[1], "same seed, same masks");
            assertArrayEquals(second[0], second[1], "same seed, same masks");
            assertFalse(java.util.Arrays.equals(first[0], first[2]), "another seed, other masks");
            assertFalse(java.util.Arrays.equals(first[0], second[0]), "a fresh mask every pass");
            a.setDropoutPasses(0);
            assertArrayEquals(first[0], mask(a, ones), "the pass counter replays the masks");
            int zeros = 0;
            for (float v : first[0]) {
                assertTrue(v == 0f || Math.abs(v - 1 / 0.75f) < 1e-6, "kept units are scaled by 1/(1-rate): " + v);
                if (v == 0f) zeros++;
            }
            // 2,000 draws: the standard error of the share is about 0.01
            assertEquals(0.25, zeros / (double) first[0].length, 0.03, "share dropped");
        }
    }

    @Test
    void shapesThatDoNotFitAreOneLineErrorsNamingTheLayer() {
        var dense = assertThrows(NeuralException.class, () -> new ConvNet(1, 8, 8,
                List.of(Layer.Conv2d.same(2, 3), new Layer.Dense(2)), 1));
        assertEquals("dense1: input of shape (2, 8, 8) (without batch) is not flat; put a Flatten layer before it",
                dense.getMessage());
        var kernel = assertThrows(NeuralException.class, () -> new ConvNet(1, 4, 4,
                List.of(new Layer.MaxPool2d(2), new Layer.Conv2d(2, 5, 1, 0), new Layer.Flatten(), new Layer.Dense(2)), 1));
        assertTrue(kernel.getMessage().startsWith("conv1: kernel 5 with padding 0 does not fit input of shape (1, 2, 2)"),
                kernel.getMessage());
        try (var net = new ConvNet(1, 8, 8, barNet(), 1); NDManager m = Neural.newManager()) {
            var input = assertThrows(NeuralException.class, () -> net.run(m.zeros(new Shape(2, 3, 8, 8))));
            assertEquals("conv0: images of shape (2, 3, 8, 8) do not fit; expected (batch, 1, 8, 8)", input.getMessage());
            var hook = assertThrows(NeuralException.class, () -> net.runWithHooksAndCache(m.zeros(new Shape(2, 1, 8, 8)),
                    Map.of("pool2.hook_ot", (a, n) -> a)));
            assertTrue(hook.getMessage().contains("pool2.hook_out"), hook.getMessage());
        }
        assertThrows(NeuralException.class, () -> new Layer.Dropout(1.0));
    }
}
