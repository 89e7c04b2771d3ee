package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.alignlab.neural.interp.LinearProbe;
import org.alignlab.neural.interp.SparseAutoencoder;
import org.junit.jupiter.api.Test;

/**
 * Training must not read memory that the JVM may free under it (see {@link Scalars}). Each model trains once
 * quietly and once while another thread keeps the garbage collector running and refills freed memory with NaNs;
 * the losses must agree bit for bit. With a Java number as the operand of the attention's 1/sqrt(d_head) scaling,
 * the disturbed transformer's loss was NaN by step 5; with one as the SAE's L1 or the probe's L2 weight, the
 * disturbed losses differed.
 */
class ScalarLifetimeTest {

    /** Runs {@code training} while a thread keeps collecting garbage and filling fresh native memory with NaN. */
    static double[] disturbed(Supplier<double[]> training) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            SplittableRandom r = new SplittableRandom(1);
            while (!stop.get()) {
                List<ByteBuffer> held = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(4 + r.nextInt(i < 24 ? 256 : 65536));
                    while (b.remaining() >= 4) b.putInt(0x7fc00000 | r.nextInt(1 << 16)); // quiet NaNs
                    held.add(b);
                }
                held.clear();
                System.gc();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }, "gc-churn");
        churn.setDaemon(true);
        churn.start();
        try {
            return training.get();
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    /** A two-layer causal transformer with LayerNorm, trained to predict the next token of a fixed stream. */
    static double[] transformerLosses() {
        TransformerConfig cfg = new TransformerConfig(2, 32, 4, 8, 64, 16, 8, TransformerConfig.Activation.GELU,
                true, false, true);
        int batch = 16, steps = 40;
        double[] losses = new double[steps];
        try (HookedTransformer model = new HookedTransformer(cfg, 11); NDManager data = Neural.newManager()) {
            Trainer trainer = new Trainer(model, AdamConfig.adam(3e-3));
            SplittableRandom r = new SplittableRandom(5);
            for (int s = 0; s < steps; s++) {
                int[] tokens = new int[batch * cfg.nCtx()];
                for (int i = 0; i < tokens.length; i++) tokens[i] = r.nextInt(cfg.dVocab());
                losses[s] = trainer.step((scope, t) -> {
                    NDArray x = scope.create(tokens, new Shape(batch, cfg.nCtx()));
                    NDArray logits = model.forward(x, true);
                    return Losses.crossEntropy(logits.get(":, :-1, :"), x.get(":, 1:"));
                });
            }
        }
        return losses;
    }

    /** A sparse autoencoder (L1 penalty) and a linear probe (L2 penalty) on fixed Gaussian rows: their losses. */
    static double[] interpretabilityLosses() {
        SplittableRandom r = new SplittableRandom(9);
        int rows = 256, dim = 12;
        float[] v = new float[rows * dim];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) v[i * dim + j] = (float) r.nextGaussian();
            labels[i] = v[i * dim] + v[i * dim + 1] > 0 ? 1 : 0;
        }
        try (NDManager m = Neural.newManager(); var sae = new SparseAutoencoder(dim, 24, 3)) {
            NDArray acts = m.create(v, new Shape(rows, dim));
            var fit = sae.train(acts, new SparseAutoencoder.Options(3e-2, 1e-2, 32, 60, 0.25, 4));
            var probe = LinearProbe.fit(acts, labels, 2,
                    new LinearProbe.Options(1e-1, 60, 0.1, 0.25, 4));
            return new double[] {fit.finalLoss(), fit.heldOut().mse(), probe.trainLoss(), probe.testAccuracy()};
        }
    }

    @Test
    void transformerTrainingIgnoresTheCollector() throws Exception {
        double[] quiet = transformerLosses();
        assertArrayEquals(quiet, disturbed(ScalarLifetimeTest::transformerLosses), 0.0);
    }

    @Test
    void penalisedLossesIgnoreTheCollector() throws Exception {
        double[] quiet = interpretabilityLosses();
        assertArrayEquals(quiet, disturbed(ScalarLifetimeTest::interpretabilityLosses), 0.0);
    }
}
