package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.alignlab.core.store.RunStore;
import org.alignlab.core.testkit.NoisyMean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each user mistake: one line on stderr saying what is wrong and how to fix it, exit code 2, stored runs kept. */
class BadInputTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir, List.of(new NoisyMean()));
        assertEquals(0, cli.run("run", "test.noisy-mean", "--seeds", "1").code());
    }

    private void assertOneLineUsageError(CliHarness.Result r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("alignlab: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    private int storedRuns() {
        try (RunStore s = RunStore.open(cli.store)) {
            return s.runs(null, 1000).size();
        }
    }

    @Test
    void unknownExperiment() {
        assertOneLineUsageError(cli.run("run", "test.noisy-meen"), "did you mean test.noisy-mean");
        assertEquals(1, storedRuns());
    }

    @Test
    void unknownOrIllTypedOverrideKey() {
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "sampels=3"), "valid keys: samples, mean");
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "samples=many"), "expected integer");
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "samples"), "not key=value");
        assertEquals(1, storedRuns(), "nothing is written for a refused command");
    }

    @Test
    void valueOutOfRange() {
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "mean=11"), "must be [-10, 10]");
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "samples=0"), "out of range");
        assertEquals(1, storedRuns());
    }

    @Test
    void zeroSeedsAndBadNumbers() {
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "--seeds", "0"), "--seeds must be at least 1");
        assertOneLineUsageError(cli.run("reproduce", "--seeds", "0"), "--seeds must be at least 1");
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "--threads", "0"), "--threads");
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "--seeds", "two"), "--seeds");
        assertOneLineUsageError(cli.run("run", "test.noisy-mean", "--scale", "huge"), "use quick or paper");
        assertOneLineUsageError(cli.run("frobnicate"), "frobnicate");
        assertOneLineUsageError(cli.run("reproduce", "--node", "nowhere"), "unknown map node");
        assertEquals(1, storedRuns());
    }

    @Test
    void storeThatIsNotSqlite() throws Exception {
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "my notes\n".repeat(100));
        var r = cli.raw("--store", notes.toString(), "run", "test.noisy-mean");
        assertOneLineUsageError(r, "not an SQLite database");
        assertTrue(Files.readString(notes).startsWith("my notes"), "left untouched");
        assertOneLineUsageError(cli.raw("--store", notes.toString(), "runs", "list"), "not an SQLite database");
    }

    @Test
    void storeFromANewerSchema() throws Exception {
        Path newer = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 42");
        }
        assertOneLineUsageError(cli.raw("--store", newer.toString(), "run", "test.noisy-mean"), "newer than this");
    }

    @Test
    void lockedStore() throws Exception {
        System.setProperty("alignlab.store.busyTimeoutMillis", "200");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.store); Statement st = c.createStatement()) {
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("BEGIN EXCLUSIVE");
            st.execute("INSERT INTO batches (id, command, scale, started_at) VALUES ('x', 'c', 'quick', 'now')");
            assertOneLineUsageError(cli.run("run", "test.noisy-mean"), "locked by another process");
            st.execute("ROLLBACK");
        } finally {
            System.clearProperty("alignlab.store.busyTimeoutMillis");
        }
        assertEquals(1, storedRuns());
    }

    @Test
    void storeInAFolderThatCannotBeCreated() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        assertOneLineUsageError(cli.raw("--store", file.resolve("alignlab.db").toString(), "run", "test.noisy-mean"),
                "cannot create the store's folder");
    }

    @Test
    void artifactFolderThatCannotBeWritten() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        var r = cli.run("--artifacts", file.toString(), "run", "test.noisy-mean", "--seeds", "1");
        assertOneLineUsageError(r, "cannot create the artifact folder");
        try (RunStore s = RunStore.open(cli.store)) {
            assertEquals(1, s.runs(null, 100).size(), "no half-written run");
            s.runs(null, 100).forEach(x -> assertEquals("FINISHED", x.status()));
        }
    }

    /** Ctrl-C: the cancellation the signal handler sets; the run is KILLED, its metrics kept, exit code 2. */
    @Test
    void interruptedRunIsKilledAndTheStoreStaysConsistent() throws Exception {
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException ex) {
                return;
            }
            cli.cancel.cancel();
        });
        interrupter.start();
        var r = cli.run("run", "test.noisy-mean", "samples=100000000", "pauseEvery=50", "--seeds", "1");
        interrupter.join();
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("interrupted") && r.err().contains("KILLED"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        try (RunStore s = RunStore.open(cli.store)) {
            var runs = s.runs(null, 10);
            assertEquals(2, runs.size());
            var killed = runs.get(0);
            assertEquals("KILLED", killed.status());
            assertTrue(s.metrics(killed.id()).series("running_mean").size() > 0, "metrics kept");
            assertEquals("FINISHED", runs.get(1).status(), "the earlier run is untouched");
        }
    }
}
