package org.alignlab.neural.interp;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SplittableRandom;
import org.alignlab.neural.Hook;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Neural;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.TransformerConfig;
import org.junit.jupiter.api.Test;

class DirectLogitAttributionTest {
    static float[] randomize(HookedTransformer model, String name, SplittableRandom r, double std) {
        float[] v = model.parameters().floats(name);
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * std);
        model.parameters().set(name, v);
        return v;
    }

    static int[] tokens(SplittableRandom r, int n, int vocab) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = r.nextInt(vocab);
        return t;
    }

    /** The components add up to the model's logit difference, with and without LayerNorm, at any position. */
    @Test
    void componentsSumToTheLogitDifference() {
        TransformerConfig[] cfgs = {
            new TransformerConfig(1, 32, 4, 8, 64, 17, 3, TransformerConfig.Activation.RELU, false, false, true),
            new TransformerConfig(2, 16, 2, 8, 32, 11, 6, TransformerConfig.Activation.GELU, true, false, true),
            TransformerConfig.attentionOnly(2, 16, 4, 9, 5)};
        for (int trial = 0; trial < 6; trial++) {
            TransformerConfig cfg = cfgs[trial % 3];
            SplittableRandom r = new SplittableRandom(trial);
            try (var model = new HookedTransformer(cfg, trial); NDManager m = Neural.newManager()) {
                // non-zero biases, so that every term is tested
                for (String n : model.parameters().names())
                    if (n.contains(".b_") || n.equals("ln_final.b") || n.equals("ln_final.w")) randomize(model, n, r, 0.3);
                int batch = 7, pos = cfg.nCtx();
                NDArray t = m.create(tokens(r, batch * pos, cfg.dVocab()), new ai.djl.ndarray.types.Shape(batch, pos));
                int[] c = tokens(r, batch, cfg.dVocab()), w = tokens(r, batch, cfg.dVocab());
                int at = trial % 2 == 0 ? -1 : r.nextInt(pos);
                var dla = DirectLogitAttribution.compute(model, t, at, c, w);
                int expected = 2 + cfg.nLayers() * (cfg.nHeads() + 1 + (cfg.attnOnly() ? 0 : 1))
                        + (cfg.layerNorm() ? 1 : 0) + 1;
                assertEquals(expected, dla.components().size(), dla.components().toString());
                assertTrue(Math.abs(dla.total()) > 1e-3);
                assertEquals(dla.total(), dla.sum(), 1e-4 * (1 + Math.abs(dla.total())), "trial " + trial);
            }
        }
    }

    /**
     * Without LayerNorm and with nothing downstream of the heads, zero-ablating a head moves the logit difference by
     * exactly that head's direct contribution, and the unembedding bias term is b_U[correct] - b_U[wrong].
     */
    @Test
    void aHeadsTermIsWhatAblatingItRemoves() {
        var cfg = TransformerConfig.attentionOnly(1, 24, 3, 10, 4);
        try (var model = new HookedTransformer(cfg, 5); NDManager m = Neural.newManager()) {
            SplittableRandom r = new SplittableRandom(9);
            float[] bU = randomize(model, "unembed.b_U", r, 1);
            NDArray t = m.create(tokens(r, 6 * 4, 10), new ai.djl.ndarray.types.Shape(6, 4));
            var dla = DirectLogitAttribution.compute(model, t, -1, 4, 8);
            var metric = LogitMetric.logitDifference(-1, 4, 8, 6);
            for (int h = 0; h < 3; h++) {
                double ablated;
                try (NDArray l = model.runWithHooks(t, Map.of("blocks.0.attn.hook_z", Hook.zeroAblateHead(h)))) {
                    ablated = metric.of(l);
                }
                assertEquals(dla.total() - ablated, dla.of("blocks.0.attn.head." + h), 1e-4, "head " + h);
            }
            assertEquals(bU[4] - bU[8], dla.of("unembed.b_U"), 1e-6);
            var ex = assertThrows(NeuralException.class, () -> dla.of("blocks.0.attn.head.7"));
            assertTrue(ex.getMessage().startsWith("no component 'blocks.0.attn.head.7'"), ex.getMessage());
            assertThrows(NeuralException.class, () -> DirectLogitAttribution.compute(model, t, -1, 4, 10));
            assertThrows(NeuralException.class, () -> DirectLogitAttribution.compute(model, t, 4, 4, 8));
        }
    }
}
