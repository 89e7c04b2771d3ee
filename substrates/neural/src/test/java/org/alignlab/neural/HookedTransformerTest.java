package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HookedTransformerTest {
    static final TransformerConfig SMALL = new TransformerConfig(2, 16, 2, 8, 32, 11, 6,
            TransformerConfig.Activation.GELU, true, false, true);

    static NDArray tokens(NDManager m, long seed, int batch, int pos, int vocab) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] t = new int[batch * pos];
        for (int i = 0; i < t.length; i++) t[i] = r.nextInt(vocab);
        return m.create(t, new Shape(batch, pos));
    }

    @Test
    void sameSeedSameWeightsBitForBitAndOtherSeedOtherWeights() {
        try (var a = new HookedTransformer(SMALL, 7); var b = new HookedTransformer(SMALL, 7);
             var c = new HookedTransformer(SMALL, 8)) {
            for (String n : a.parameters().names())
                assertArrayEquals(a.parameters().floats(n), b.parameters().floats(n), n);
            assertFalse(java.util.Arrays.equals(a.parameters().floats("embed.W_E"), c.parameters().floats("embed.W_E")));
            try (NDManager m = Neural.newManager()) {
                NDArray t = tokens(m, 1, 3, 6, 11);
                assertArrayEquals(a.run(t).toFloatArray(), b.run(t).toFloatArray());
            }
        }
    }

    /**
     * Evaluation records no autograd graph even on a fresh thread (where PyTorch's grad mode starts on), leaves
     * that thread's mode as it found it, and gives the same numbers as a pass with the graph.
     */
    /** Whether autograd recorded how {@code x} was made: a backward pass from it succeeds (gradients are reset). */
    static boolean hasGraph(HookedTransformer model, NDArray x) {
        NDArray total = x.sum();
        try {
            ai.djl.pytorch.jni.JniUtils.backward((ai.djl.pytorch.engine.PtNDArray) total,
                    (ai.djl.pytorch.engine.PtNDArray) total.onesLike(), false, false);
            return true;
        } catch (ai.djl.engine.EngineException ex) {
            return false;
        } finally {
            model.parameters().zeroGradients();
        }
    }

    @Test
    void evaluationBuildsNoGraphAndRestoresTheThreadsMode() throws Exception {
        try (var model = new HookedTransformer(SMALL, 3); NDManager m = Neural.newManager()) {
            NDArray t = tokens(m, 4, 2, 6, 11);
            var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
            Thread fresh = new Thread(() -> {
                try {
                    assertTrue(ai.djl.pytorch.jni.JniUtils.isGradMode(), "a new thread starts with grad mode on");
                    NDArray logits = model.run(t);
                    assertFalse(hasGraph(model, logits), "run() recorded a graph");
                    try (ActivationCache cache = model.runWithCache(t)) {
                        assertFalse(hasGraph(model, cache.logits()), "runWithCache() recorded a graph");
                        assertFalse(hasGraph(model, cache.get("blocks.1.hook_resid_post")));
                        assertArrayEquals(logits.toFloatArray(), cache.logits().toFloatArray());
                    }
                    assertTrue(ai.djl.pytorch.jni.JniUtils.isGradMode(), "grad mode not restored");
                    try (NDManager scope = m.newSubManager()) {
                        model.parameters().attachTo(scope);
                        NDArray withGraph = model.forward(t, false);
                        assertTrue(hasGraph(model, withGraph), "a forward pass with grad mode on records the graph");
                        assertArrayEquals(logits.toFloatArray(), withGraph.toFloatArray());
                    }
                } catch (Throwable ex) {
                    failure.set(ex);
                }
            });
            fresh.start();
            fresh.join();
            if (failure.get() != null) throw new AssertionError(failure.get());
        }
    }

    @Test
    void cacheHoldsEveryHookWithTransformerLensShapes() {
        try (var model = new HookedTransformer(SMALL, 1); NDManager m = Neural.newManager()) {
            NDArray t = tokens(m, 2, 3, 5, 11);
            try (ActivationCache cache = model.runWithCache(t)) {
                assertEquals(model.hookNames(), cache.names());
                assertArrayEquals(new long[] {3, 5, 2, 8}, cache.shape("blocks.1.attn.hook_z"));
                assertArrayEquals(new long[] {3, 2, 5, 5}, cache.shape("blocks.0.attn.hook_pattern"));
                assertArrayEquals(new long[] {3, 5, 32}, cache.shape("blocks.0.mlp.hook_post"));
                assertArrayEquals(new long[] {3, 5, 16}, cache.shape("ln_final.hook_normalized"));
                assertArrayEquals(new long[] {3, 5, 11}, cache.logits().getShape().getShape());
                assertArrayEquals(model.run(t).toFloatArray(), cache.logits().toFloatArray());
                // the residual stream adds up: resid_post = resid_mid + mlp_out
                float[] post = cache.floats("blocks.0.hook_resid_post");
                float[] mid = cache.floats("blocks.0.hook_resid_mid");
                float[] out = cache.floats("blocks.0.hook_mlp_out");
                for (int i = 0; i < post.length; i++) assertEquals(mid[i] + out[i], post[i], 1e-5);
                // attention patterns are causal and sum to one
                float[] pat = cache.floats("blocks.1.attn.hook_pattern");
                for (int row = 0; row < 3 * 2 * 5; row++) {
                    int q = row % 5;
                    double sum = 0;
                    for (int k = 0; k < 5; k++) {
                        sum += pat[row * 5 + k];
                        if (k > q) assertEquals(0f, pat[row * 5 + k]);
                    }
                    assertEquals(1, sum, 1e-5);
                }
            }
        }
    }

    @Test
    void causalModelIgnoresLaterTokens() {
        try (var model = new HookedTransformer(SMALL, 3); NDManager m = Neural.newManager()) {
            for (int trial = 0; trial < 5; trial++) {
                SplittableRandom r = new SplittableRandom(trial);
                int[] a = new int[6];
                for (int i = 0; i < 6; i++) a[i] = r.nextInt(11);
                int[] b = a.clone();
                int cut = 1 + r.nextInt(5);
                for (int i = cut; i < 6; i++) b[i] = (a[i] + 1 + r.nextInt(10)) % 11;
                float[] la = model.run(m.create(a, new Shape(1, 6))).toFloatArray();
                float[] lb = model.run(m.create(b, new Shape(1, 6))).toFloatArray();
                for (int i = 0; i < cut * 11; i++) assertEquals(la[i], lb[i], 1e-5, "position before " + cut);
                boolean differs = false;
                for (int i = cut * 11; i < 66; i++) differs |= Math.abs(la[i] - lb[i]) > 1e-4;
                assertTrue(differs);
            }
        }
    }

    @Test
    void hooksReadAndReplace() {
        try (var model = new HookedTransformer(SMALL, 4); NDManager m = Neural.newManager()) {
            NDArray t = tokens(m, 3, 2, 6, 11);
            float[] clean = model.run(t).toFloatArray();
            float[][] seen = new float[1][];
            float[] same = model.runWithHooks(t, Map.of("blocks.1.attn.hook_z", (a, n) -> {
                seen[0] = a.toFloatArray();
                return a;
            })).toFloatArray();
            assertArrayEquals(clean, same);
            assertEquals(2 * 6 * 2 * 8, seen[0].length);
            float[] ablated = model.runWithHooks(t, Map.of("blocks.1.attn.hook_z", Hook.zeroAblateHead(0))).toFloatArray();
            assertFalse(java.util.Arrays.equals(clean, ablated));
            try (ActivationCache c = model.runWithHooksAndCache(t, Map.of("blocks.1.attn.hook_z", Hook.zeroAblateHead(0)))) {
                float[] z = c.floats("blocks.1.attn.hook_z");
                for (int i = 0; i < z.length; i++) if ((i / 8) % 2 == 0) assertEquals(0f, z[i], 0f);
                assertArrayEquals(ablated, c.logits().toFloatArray());
            }
        }
    }

    @Test
    void unknownHookAndBadShapesAreOneLineErrors() {
        try (var model = new HookedTransformer(SMALL, 5); NDManager m = Neural.newManager()) {
            NDArray t = tokens(m, 3, 2, 6, 11);
            var ex = assertThrows(NeuralException.class,
                    () -> model.runWithHooks(t, Map.of("blocks.0.attn.hook_patern", (a, n) -> a)));
            assertTrue(ex.getMessage().contains("blocks.0.attn.hook_pattern"), ex.getMessage());
            assertFalse(ex.getMessage().contains("\n"));
            var tooLong = assertThrows(NeuralException.class, () -> model.run(tokens(m, 1, 2, 7, 11)));
            assertTrue(tooLong.getMessage().startsWith("embed: tokens of shape (2, 7)"), tooLong.getMessage());
            var vocab = assertThrows(NeuralException.class, () -> model.run(m.create(new int[] {0, 3, 11}, new Shape(1, 3))));
            assertTrue(vocab.getMessage().contains("outside the vocabulary"), vocab.getMessage());
            var hookShape = assertThrows(NeuralException.class, () -> model.runWithHooks(t,
                    Map.of("hook_embed", (a, n) -> a.get(":, :3"))));
            assertTrue(hookShape.getMessage().contains("hook hook_embed returned shape (2, 3, 16)"), hookShape.getMessage());
            // the user's tokens survive the errors and the runs
            assertEquals(12, t.size());
        }
    }
}
