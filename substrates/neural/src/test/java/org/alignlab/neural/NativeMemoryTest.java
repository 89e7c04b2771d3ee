package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        throw new IllegalStateException("no VmRSS");
    }

    /** Resident memory not explained by the JVM's committed heap and non-heap (which grow on their own). */
    static long nativeKb() throws IOException {
        System.gc();
        var mem = ManagementFactory.getMemoryMXBean();
        long jvm = mem.getHeapMemoryUsage().getCommitted() + mem.getNonHeapMemoryUsage().getCommitted();
        return rssKb() - jvm / 1024;
    }

    /** A 32-64-1 MLP regression, the smallest model that still runs forward, backward and Adam. */
    static final class Mlp implements Model {
        final Parameters p = new Parameters();

        Mlp() {
            SplittableRandom r = new SplittableRandom(1);
            p.normal("W1", new Shape(32, 64), 0.1, r);
            p.constant("b1", new Shape(64), 0);
            p.normal("W2", new Shape(64, 1), 0.1, r);
        }

        @Override
        public Parameters parameters() {
            return p;
        }

        @Override
        public NDArray forward(NDArray x, boolean training) {
            return ai.djl.nn.Activation.relu(x.matMul(p.get("W1")).add(p.get("b1"))).matMul(p.get("W2"));
        }
    }

    /**
     * 5,000 steps, each with a fresh 64x32 batch made in the step manager. One step's arrays are about 80 KB
     * (batch 8 KB, hidden activations and their gradients 4 x 16 KB, Adam temporaries), so keeping them would add over
     * 200 MB between steps 1,000-2,000 and 4,000-5,000; even an eighth of a step's arrays would add 30 MB. A single
     * reading moves by 10-20 MB (glibc arenas, the JVM's own mallocs, the heap shrinking after a GC while its pages
     * stay resident), so the test compares the medians of five readings in each window. We allow 24 MB.
     */
    @Test
    void residentMemoryStopsGrowing() throws IOException {
        try (Mlp model = new Mlp()) {
            Trainer tr = new Trainer(model, AdamConfig.adamW(1e-3, 0.1));
            long[] early = new long[5], late = new long[5];
            for (int i = 1; i <= 5000; i++) {
                tr.step((scope, s) -> {
                    NDArray x = scope.randomNormal(new Shape(64, 32));
                    return Losses.mse(model.forward(x, true), x.sum(new int[] {1}, true));
                });
                if (i >= 1000 && i <= 2000 && i % 250 == 0) early[(i - 1000) / 250] = nativeKb();
                if (i >= 4000 && i % 250 == 0) late[(i - 4000) / 250] = nativeKb();
            }
            long at1000 = median(early), at5000 = median(late);
            System.out.printf("native RSS (median of 5) around steps 1000-2000 %d kB, 4000-5000 %d kB%n", at1000, at5000);
            assertTrue(at5000 - at1000 < 24 * 1024, "native RSS grew by " + (at5000 - at1000) + " kB");
        }
    }

    static long median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The transformer path keeps no array in the parameters' manager or in the data's manager after a step. */
    @Test
    void transformerStepsLeaveNoArraysBehind() {
        try (var model = new HookedTransformer(new TransformerConfig(2, 8, 2, 4, 16, 8, 3,
                TransformerConfig.Activation.GELU, true, false, true), 1); NDManager data = Neural.newManager()) {
            NDArray[] xy = TrainerTest.modAdd(data, 7);
            Trainer tr = new Trainer(model, AdamConfig.adamW(1e-3, 0.1));
            tr.step(TrainerTest.lastTokenLoss(model, xy[0], xy[1]));
            int params = model.parameters().manager().getManagedArrays().size();
            int inData = data.getManagedArrays().size();
            for (int i = 0; i < 20; i++) tr.step(TrainerTest.lastTokenLoss(model, xy[0], xy[1]));
            try (ActivationCache c = model.runWithCache(xy[0])) {
                assertFalse(c.names().isEmpty());
            }
            model.runWithHooks(xy[0], java.util.Map.of("blocks.1.attn.hook_z", Hook.zeroAblateHead(1))).close();
            assertEquals(params, model.parameters().manager().getManagedArrays().size());
            assertEquals(inData, data.getManagedArrays().size());
        }
    }
}
