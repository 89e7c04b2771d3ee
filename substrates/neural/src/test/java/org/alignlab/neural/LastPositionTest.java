package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link HookedTransformer#forwardLastPosition} against the last position of the full forward pass. */
class LastPositionTest {
    @Test
    void lastPositionLogitsEqualTheFullPassAtTheLastPosition() {
        SplittableRandom rng = new SplittableRandom(7);
        TransformerConfig[] configs = {
            TransformerConfig.grokking(7),
            new TransformerConfig(2, 16, 2, 8, 32, 9, 5, TransformerConfig.Activation.GELU, true, false, true),
            TransformerConfig.attentionOnly(2, 16, 4, 11, 6),
            new TransformerConfig(1, 8, 2, 4, 16, 5, 4, TransformerConfig.Activation.RELU, false, false, false)};
        for (int c = 0; c < configs.length; c++) {
            TransformerConfig cfg = configs[c];
            for (int trial = 0; trial < 3; trial++) {
                int batch = 1 + rng.nextInt(6), pos = 1 + rng.nextInt(cfg.nCtx());
                int[] tok = new int[batch * pos];
                for (int i = 0; i < tok.length; i++) tok[i] = rng.nextInt(cfg.dVocab());
                try (var model = new HookedTransformer(cfg, 100 + c); NDManager m = Neural.newManager()) {
                    NDArray x = m.create(tok, new Shape(batch, pos));
                    float[] full = model.run(x).get(":, -1, :").toFloatArray();
                    NDArray last = model.runLastPosition(x);
                    assertEquals(new Shape(batch, cfg.dVocab()), last.getShape());
                    assertArrayEquals(full, last.toFloatArray(), 1e-5f, "config " + c + " trial " + trial);
                }
            }
        }
    }

    @Test
    void gradientsOfTheLastPositionLossMatchTheFullPass() {
        TransformerConfig cfg = TransformerConfig.grokking(5);
        int[] tok = {0, 1, 5, 2, 4, 5, 3, 3, 5};
        int[] y = {1, 1, 1};
        float[][] grads = new float[2][];
        for (int run = 0; run < 2; run++) {
            boolean lastOnly = run == 1;
            try (var model = new HookedTransformer(cfg, 3); NDManager m = Neural.newManager()) {
                NDArray x = m.create(tok, new Shape(3, 3));
                NDArray t = m.create(y);
                Trainer tr = new Trainer(model, AdamConfig.adam(1e-3));
                tr.onGradients((s, p) -> grads[lastOnly ? 1 : 0] = p.gradient("blocks.0.attn.W_K"));
                tr.step((scope, s) -> Losses.crossEntropy(
                        lastOnly ? model.forwardLastPosition(x) : model.forward(x, true).get(":, -1, :"), t));
            }
        }
        assertArrayEquals(grads[0], grads[1], 1e-6f);
    }
}
