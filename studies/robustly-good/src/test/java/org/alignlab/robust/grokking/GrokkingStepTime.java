package org.alignlab.robust.grokking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Losses;
import org.alignlab.neural.Neural;
import org.alignlab.neural.Schedule;
import org.alignlab.neural.Trainer;
import org.alignlab.neural.TransformerConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test: prints wall and thread CPU time of one paper-scale step (p = 113, 3,831 pairs), full forward
 * against last position only. Runs only with -Dgrok.timing=true.
 */
class GrokkingStepTime {
    @Test
    void printStepTimes() {
        Assumptions.assumeTrue(Boolean.getBoolean("grok.timing"));
        int p = 113, n = (int) Math.round(0.3 * p * p);
        int[] tok = new int[n * 3], y = new int[n];
        for (int i = 0; i < n; i++) {
            int a = (i * 7) % p, b = (i * 13 + i / p) % p;
            tok[3 * i] = a;
            tok[3 * i + 1] = b;
            tok[3 * i + 2] = p;
            y[i] = (a + b) % p;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (boolean last : new boolean[] {false, true, false, true}) {
            try (var model = new HookedTransformer(TransformerConfig.grokking(p), 0); NDManager m = Neural.newManager()) {
                NDArray x = m.create(tok, new Shape(n, 3));
                NDArray t = m.create(y);
                Trainer tr = new Trainer(model, new AdamConfig(1e-3, 0.9, 0.98, 1e-8, 1.0, true, Schedule.linearWarmup(10)));
                Trainer.LossFunction f = last ? (s, k) -> Losses.crossEntropy(model.forwardLastPosition(x), t)
                        : (s, k) -> Losses.crossEntropy(model.forward(x, true).get(":, -1, :"), t);
                for (int i = 0; i < 3; i++) tr.step(f);
                int reps = 10;
                long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) tr.step(f);
                System.out.printf("p=113 step, %s: wall %.1f ms, thread CPU %.1f ms%n", last ? "last position only"
                        : "full forward", (System.nanoTime() - t0) / 1e6 / reps,
                        (mx.getCurrentThreadCpuTime() - c0) / 1e6 / reps);
            }
        }
    }
}
