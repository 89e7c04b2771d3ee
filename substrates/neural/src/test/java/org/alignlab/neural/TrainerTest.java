package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    /** A one-parameter-vector model: f(x) = w (ignores input); loss = sum((w - target)^2) / n. */
    static final class Vec implements Model {
        final Parameters p = new Parameters();

        Vec(float[] init) {
            p.add("w", new Shape(init.length), init);
        }

        @Override
        public Parameters parameters() {
            return p;
        }

        @Override
        public NDArray forward(NDArray input, boolean training) {
            NDArray w = p.get("w");
            return w.mul(Scalars.like(w, 1)); // a copy that autograd tracks (never a Java number: see Scalars)
        }
    }

    /** Adam and AdamW against a plain-Java transcription of PyTorch's update on a quadratic. */
    @Test
    void adamAndAdamWMatchTheReferenceUpdate() {
        for (boolean decoupled : new boolean[] {false, true}) {
            float[] w0 = {0.5f, -1.0f, 2.0f};
            float[] target = {1.0f, 0.0f, -1.0f};
            var cfg = new AdamConfig(0.05, 0.9, 0.98, 1e-8, 0.3, decoupled, Schedule.linearWarmup(3));
            try (Vec model = new Vec(w0.clone()); NDManager data = Neural.newManager()) {
                NDArray t = data.create(target);
                Trainer tr = new Trainer(model, cfg);
                double[] w = {w0[0], w0[1], w0[2]}, m = new double[3], v = new double[3];
                for (int step = 1; step <= 20; step++) {
                    tr.step((scope, s) -> model.forward(null, true).sub(t).square().mean());
                    double lr = 0.05 * Math.min(step / 3.0, 1);
                    for (int i = 0; i < 3; i++) {
                        double g = 2 * (w[i] - target[i]) / 3;
                        if (!decoupled) g += 0.3 * w[i];
                        else w[i] *= 1 - lr * 0.3;
                        m[i] = 0.9 * m[i] + 0.1 * g;
                        v[i] = 0.98 * v[i] + 0.02 * g * g;
                        double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.98, step)) + 1e-8;
                        w[i] -= lr / (1 - Math.pow(0.9, step)) * m[i] / denom;
                    }
                    float[] got = model.p.floats("w");
                    for (int i = 0; i < 3; i++) assertEquals(w[i], got[i], 1e-5, "step " + step + " decoupled " + decoupled);
                }
            }
        }
    }

    private static HookedTransformer tiny(long seed) {
        return new HookedTransformer(new TransformerConfig(1, 16, 2, 8, 32, 8, 3,
                TransformerConfig.Activation.RELU, false, false, true), seed);
    }

    /** (a + b) mod 7 as "a b =" sequences, all 49 pairs. */
    static NDArray[] modAdd(NDManager m, int p) {
        int[] tok = new int[p * p * 3];
        int[] y = new int[p * p];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++) {
                int i = a * p + b;
                tok[3 * i] = a;
                tok[3 * i + 1] = b;
                tok[3 * i + 2] = p;
                y[i] = (a + b) % p;
            }
        return new NDArray[] {m.create(tok, new Shape(p * p, 3)), m.create(y)};
    }

    static Trainer.LossFunction lastTokenLoss(Model model, NDArray x, NDArray y) {
        return (scope, s) -> Losses.crossEntropy(model.forward(x, true).get(":, -1, :"), y);
    }

    @Test
    void fullBatchTrainingLearnsModularAdditionAndIsReproducible() {
        float[][] finals = new float[2][];
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            try (var model = tiny(11); NDManager data = Neural.newManager()) {
                NDArray[] xy = modAdd(data, 7);
                Trainer tr = new Trainer(model, AdamConfig.adamW(1e-2, 0.01));
                double first = tr.step(lastTokenLoss(model, xy[0], xy[1]));
                for (int i = 1; i < 300; i++) tr.step(lastTokenLoss(model, xy[0], xy[1]));
                losses[run] = tr.lastLoss();
                assertTrue(tr.lastLoss() < 0.05 * first, "loss " + first + " -> " + tr.lastLoss());
                NDArray logits = model.run(xy[0]).get(":, -1, :");
                assertEquals(1.0, Losses.accuracy(logits, xy[1]));
                finals[run] = model.parameters().floats("blocks.0.mlp.W_in");
            }
        }
        assertArrayEquals(finals[0], finals[1]);
        assertEquals(losses[0], losses[1]);
    }

    /** Trains tiny(seed) for 200 steps on (a + b) mod 7 and returns W_in. */
    private static float[] trained(long seed) {
        try (var model = tiny(seed); NDManager data = Neural.newManager()) {
            NDArray[] xy = modAdd(data, 7);
            Trainer tr = new Trainer(model, AdamConfig.adamW(1e-2, 0.01));
            for (int i = 0; i < 200; i++) tr.step(lastTokenLoss(model, xy[0], xy[1]));
            return model.parameters().floats("blocks.0.mlp.W_in");
        }
    }

    @Test
    void trainersOnParallelThreadsMatchTheSameRunsInTurn() throws Exception {
        float[] a = trained(3), b = trained(4);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var fa = pool.submit(() -> { start.await(); return trained(3); });
            var fb = pool.submit(() -> { start.await(); return trained(4); });
            start.countDown();
            assertArrayEquals(a, fa.get());
            assertArrayEquals(b, fb.get());
        } finally {
            pool.shutdownNow();
        }
        assertFalse(java.util.Arrays.equals(a, b), "different seeds must train different weights");
    }

    @Test
    void resumeFromCheckpointIsBitForBit(@TempDir Path dir) {
        Path ckpt = dir.resolve("m.ckpt");
        float[] straight;
        try (var model = tiny(3); NDManager data = Neural.newManager()) {
            NDArray[] xy = modAdd(data, 7);
            Trainer tr = new Trainer(model, AdamConfig.adamW(1e-2, 1.0).withSchedule(Schedule.linearWarmup(5)));
            for (int i = 0; i < 10; i++) tr.step(lastTokenLoss(model, xy[0], xy[1]));
            Checkpoint.save(ckpt, tr);
            for (int i = 0; i < 10; i++) tr.step(lastTokenLoss(model, xy[0], xy[1]));
            straight = model.parameters().floats("embed.W_E");
        }
        try (var model = tiny(99); NDManager data = Neural.newManager()) {
            NDArray[] xy = modAdd(data, 7);
            Trainer tr = new Trainer(model, AdamConfig.adamW(1e-2, 1.0).withSchedule(Schedule.linearWarmup(5)));
            Checkpoint.restore(ckpt, tr);
            assertEquals(10, tr.stepsDone());
            while (tr.stepsDone() < 20) tr.step(lastTokenLoss(model, xy[0], xy[1]));
            assertArrayEquals(straight, model.parameters().floats("embed.W_E"));
        }
        try (var other = new HookedTransformer(new TransformerConfig(1, 16, 4, 4, 32, 8, 3,
                TransformerConfig.Activation.RELU, false, false, true), 1)) {
            var ex = assertThrows(NeuralException.class,
                    () -> Checkpoint.restore(ckpt, new Trainer(other, AdamConfig.adam(1e-3))));
            assertEquals("checkpoint m.ckpt is from another model: parameter blocks.0.attn.W_Q has shape (2, 16, 8) "
                    + "there and (4, 16, 4) here", ex.getMessage());
        }
    }

    @Test
    void nanLossStopsWithStepAndLastFiniteLoss() throws Exception {
        try (Vec model = new Vec(new float[] {1f})) {
            Trainer tr = new Trainer(model, AdamConfig.adam(0.1));
            tr.step((s, n) -> model.forward(null, true).square().sum());
            tr.step((s, n) -> model.forward(null, true).square().sum());
            double last = tr.lastLoss();
            var ex = assertThrows(TrainingDiverged.class,
                    () -> tr.step((s, n) -> model.forward(null, true).log().mul(Float.NaN).sum()));
            assertEquals(3, ex.step());
            assertTrue(ex.getMessage().startsWith("training loss became NaN at step 3 (last finite loss "
                    + String.format(java.util.Locale.ROOT, "%.6g", last) + " at step 2)"), ex.getMessage());
            assertEquals(2, tr.stepsDone());
            assertTrue(Double.isFinite(model.p.floats("w")[0]));
        }
        assertFalse(Files.exists(Path.of("m.ckpt")));
    }

    @Test
    void batchOrderIsAPermutationFixedBySeedAndEpoch() {
        for (int e = 0; e < 5; e++) {
            int[] a = Trainer.batchOrder(1, e, 50);
            assertArrayEquals(a, Trainer.batchOrder(1, e, 50));
            assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(), java.util.Arrays.stream(a).sorted().toArray());
        }
        assertFalse(java.util.Arrays.equals(Trainer.batchOrder(1, 0, 50), Trainer.batchOrder(1, 1, 50)));
    }
}
