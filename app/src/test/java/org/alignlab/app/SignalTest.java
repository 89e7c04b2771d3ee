package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.alignlab.core.store.RunStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Ctrl-C (SIGINT) to a real alignlab process: the run is stored KILLED, metrics kept, exit code 2. */
class SignalTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCMarksTheRunKilledAndExitsWithTwo() throws Exception {
        // A build started in the background without job control ignores SIGINT, and the child inherits that: its
        // JVM then never sees the Ctrl-C. Nothing can be tested there.
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (a background job); the child "
                + "would inherit it");
        Path db = dir.resolve("alignlab.db");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--store", db.toString(), "run", "test.noisy-mean", "samples=100000000", "pauseEvery=50",
                "--seeds", "1")
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        String runId = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runId == null && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(200);
            if (!Files.exists(db)) continue;
            try (RunStore s = RunStore.open(db)) {
                var runs = s.runs(null, 1);
                if (!runs.isEmpty() && !s.metrics(runs.get(0).id()).names().isEmpty()) runId = runs.get(0).id();
            } catch (RuntimeException busy) {
                // the child is creating the schema; try again
            }
        }
        if (runId == null) p.destroyForcibly();
        assertTrue(runId != null, "the child process started a run and logged metrics; its stderr: "
                + Files.readString(err, StandardCharsets.UTF_8));
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            // Keep what the child was doing for whoever reads the failure, then end it.
            String threads = "";
            try {
                Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(p.pid()), "Thread.print").redirectErrorStream(true).start();
                threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                dump.waitFor(20, TimeUnit.SECONDS);
            } catch (java.io.IOException e) {
                threads = "(no thread dump: " + e.getMessage() + ")";
            }
            p.destroyForcibly();
            throw new AssertionError("the process did not stop within 60 s of Ctrl-C; its stderr: "
                    + Files.readString(err, StandardCharsets.UTF_8) + "\nits threads:\n" + threads);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), stderr);
        assertTrue(stderr.contains("KILLED"), stderr);
        try (RunStore s = RunStore.open(db)) {
            assertEquals("KILLED", s.run(runId).status());
            assertTrue(s.metrics(runId).series("running_mean").size() > 0);
            assertTrue(s.recoveredRuns().isEmpty(), "nothing was left RUNNING for recovery");
        }
    }

    /** Whether SIGINT is in this process's ignored set (Linux: the SigIgn mask of /proc/self/status). */
    private static boolean sigintIgnored() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0b10) != 0;
        }
        return false;
    }
}
