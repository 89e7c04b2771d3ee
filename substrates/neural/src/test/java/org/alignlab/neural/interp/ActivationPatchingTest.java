package org.alignlab.neural.interp;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Neural;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.TransformerConfig;
import org.junit.jupiter.api.Test;

class ActivationPatchingTest {
    static final TransformerConfig TWO_LAYER_LN = new TransformerConfig(2, 16, 2, 8, 32, 13, 5,
            TransformerConfig.Activation.GELU, true, false, true);

    /** Random tokens, and a copy that differs at {@code at} only. */
    static NDArray[] cleanAndCorrupted(NDManager m, long seed, int batch, int pos, int vocab, int at) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] clean = new int[batch * pos], corrupted = new int[batch * pos];
        for (int i = 0; i < clean.length; i++) clean[i] = corrupted[i] = r.nextInt(vocab);
        for (int b = 0; b < batch; b++) corrupted[b * pos + at] = (clean[b * pos + at] + 1 + r.nextInt(vocab - 1)) % vocab;
        return new NDArray[] {m.create(clean, new Shape(batch, pos)), m.create(corrupted, new Shape(batch, pos))};
    }

    /**
     * Inputs that differ at one position: patching the residual stream before block 0 at that position restores the
     * clean run exactly, and patching any other position (where the two runs agree) changes nothing.
     */
    @Test
    void residualPatchAtTheCorruptedPositionRecoversEverythingAndElsewhereNothing() {
        for (int trial = 0; trial < 3; trial++) {
            int at = trial;   // 0, 1, 2 of 5 positions
            try (var model = new HookedTransformer(TWO_LAYER_LN, 10 + trial); NDManager m = Neural.newManager()) {
                NDArray[] t = cleanAndCorrupted(m, trial, 4, 5, 13, at);
                var metric = LogitMetric.logitDifference(-1, 3, 7, 4);
                var table = ActivationPatching.byLayerAndPosition(model, t[0], t[1], "hook_resid_pre", metric);
                assertEquals("position", table.columns());
                assertEquals(2, table.patched().length);
                assertEquals(5, table.patched()[0].length);
                assertNotEquals(table.clean(), table.corrupted(), 1e-4);
                double[][] rec = table.recovered();
                for (int p = 0; p < 5; p++) assertEquals(p == at ? 1 : 0, rec[0][p], 1e-4, "layer 0 position " + p);
                assertEquals(ActivationPatching.metric(model, t[0], metric), table.clean(), 1e-6);
                assertEquals(ActivationPatching.metric(model, t[1], metric), table.corrupted(), 1e-6);
            }
        }
    }

    /**
     * A one-layer attention-only model without LayerNorm: the logit at the last position is linear in the heads'
     * outputs, and each head's z depends on nothing but the input, so the effects of patching the heads one at a time
     * add up to the whole clean-corrupted gap; a head whose W_O is zero recovers nothing.
     */
    @Test
    void headEffectsAddUpInAOneLayerAttentionOnlyModel() {
        var cfg = TransformerConfig.attentionOnly(1, 24, 3, 10, 6);
        for (int trial = 0; trial < 3; trial++) {
            try (var model = new HookedTransformer(cfg, 20 + trial); NDManager m = Neural.newManager()) {
                if (trial == 2) {
                    float[] wO = model.parameters().floats("blocks.0.attn.W_O");
                    for (int i = 8 * 24; i < 2 * 8 * 24; i++) wO[i] = 0;   // head 1 writes nothing
                    model.parameters().set("blocks.0.attn.W_O", wO);
                }
                NDArray[] t = cleanAndCorrupted(m, 30 + trial, 5, 6, 10, 1 + trial);
                var metric = LogitMetric.logitDifference(-1, 2, 5, 5);
                var table = ActivationPatching.byLayerAndHead(model, t[0], t[1], "attn.hook_z", metric);
                double[] rec = table.recovered()[0];
                assertEquals(3, rec.length);
                assertEquals(1, rec[0] + rec[1] + rec[2], 1e-3, java.util.Arrays.toString(rec));
                if (trial == 2) assertEquals(0, rec[1], 1e-6);
                else for (double r : rec) assertNotEquals(0, r, 1e-4);
            }
        }
    }

    @Test
    void badInputIsOneLineError() {
        try (var model = new HookedTransformer(TWO_LAYER_LN, 1); NDManager m = Neural.newManager()) {
            NDArray[] t = cleanAndCorrupted(m, 1, 4, 5, 13, 0);
            NDArray[] shorter = cleanAndCorrupted(m, 1, 4, 4, 13, 0);
            var metric = LogitMetric.logitDifference(-1, 3, 7, 4);
            var shapes = assertThrows(NeuralException.class,
                    () -> ActivationPatching.byLayerAndHead(model, t[0], shorter[1], "attn.hook_z", metric));
            assertEquals("activation patching: clean tokens of shape (4, 5) and corrupted tokens of shape (4, 4) differ",
                    shapes.getMessage());
            var hook = assertThrows(NeuralException.class,
                    () -> ActivationPatching.byLayerAndHead(model, t[0], t[1], "attn.hook_zz", metric));
            assertTrue(hook.getMessage().contains("blocks.0.attn.hook_z"), hook.getMessage());
            var axis = assertThrows(NeuralException.class,
                    () -> ActivationPatching.byLayerAndHead(model, t[0], t[1], "hook_resid_pre", metric));
            assertTrue(axis.getMessage().contains("has no head axis"), axis.getMessage());
            var same = ActivationPatching.byLayerAndPosition(model, t[0], t[0], "hook_resid_pre", metric);
            assertThrows(NeuralException.class, same::recovered);
            var wrongBatch = LogitMetric.logitDifference(-1, 3, 7, 3);
            assertThrows(NeuralException.class, () -> ActivationPatching.metric(model, t[0], wrongBatch));
        }
    }
}
