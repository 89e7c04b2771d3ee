package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test: prints the wall time of one full-batch step of Nanda et al.'s grokking model (p = 113, 30% of
 * pairs). Runs only with -Dalignlab.neural.timing=true; speed claims belong in benchmarks/ (JMH).
 */
class GrokkingStepTiming {
    @Test
    void printStepTime() {
        Assumptions.assumeTrue(Boolean.getBoolean("alignlab.neural.timing"));
        int p = 113;
        int n = (int) Math.round(0.3 * p * p);
        int[] order = Trainer.batchOrder(0, 0, p * p);
        int[] tok = new int[n * 3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int a = order[i] / p, b = order[i] % p;
            tok[3 * i] = a;
            tok[3 * i + 1] = b;
            tok[3 * i + 2] = p;
            y[i] = (a + b) % p;
        }
        try (var model = new HookedTransformer(TransformerConfig.grokking(p), 0); NDManager data = Neural.newManager()) {
            NDArray x = data.create(tok, new Shape(n, 3));
            NDArray t = data.create(y);
            Trainer tr = new Trainer(model, new AdamConfig(1e-3, 0.9, 0.98, 1e-8, 1.0, true, Schedule.linearWarmup(10)));
            Trainer.LossFunction f = (s, k) -> Losses.crossEntropy(model.forward(x, true).get(":, -1, :"), t);
            for (int i = 0; i < 20; i++) tr.step(f);
            int reps = 100;
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) tr.step(f);
            double ms = (System.nanoTime() - t0) / 1e6 / reps;
            System.out.printf("grokking step (batch %d, %d params, %d thread(s)): %.2f ms, loss %.4f%n", n,
                    model.parameters().count(), Neural.threads(), ms, tr.lastLoss());
        }
    }
}
