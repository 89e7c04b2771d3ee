package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libtorch writes some warnings straight to file descriptor 2, where no Java logging setting reaches them, so a
 * command's one-line error could come with a paragraph of C++ above it. A child JVM trains, checkpoints, restores
 * and overwrites parameters (the paths that used to print "AutoNonVariableTypeMode is deprecated") with libtorch's
 * log level left at its default; its stderr must stay empty.
 */
class NativeStderrTest {
    /** The child: every substrate path that writes into existing arrays. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        try (var model = new HookedTransformer(TransformerConfig.grokking(5), 0); NDManager m = Neural.newManager()) {
            NDArray[] xy = TrainerTest.modAdd(m, 5);
            Trainer tr = new Trainer(model, AdamConfig.adamW(1e-3, 1.0));
            for (int i = 0; i < 2; i++) tr.step(TrainerTest.lastTokenLoss(model, xy[0], xy[1]));
            Checkpoint.save(file, tr);
            Checkpoint.restore(file, tr);
            model.parameters().set("unembed.b_U", new float[6]);
        }
        System.out.println("child done");
    }

    @Test
    void substratePathsPrintNothingOnStderr(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), NativeStderrTest.class.getName(),
                dir.resolve("c.ckpt").toString());
        pb.environment().remove("TORCH_CPP_LOG_LEVEL");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("child done"), out);
        String unexpected = err.lines().filter(l -> !l.startsWith("SLF4J")).filter(l -> !l.isBlank())
                .reduce("", (a, b) -> a + b + "\n");
        assertEquals("", unexpected, "the child printed on stderr");
    }
}
