package org.alignlab.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alignlab.core.ClaimResult;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.MetricLog;
import org.alignlab.core.MetricSink;
import org.alignlab.core.Provenance;
import org.alignlab.core.RunRecorder;
import org.alignlab.core.Scale;
import org.alignlab.core.UsageException;
import org.alignlab.core.Verdict;

/**
 * The embedded run store: one SQLite file (WAL) holding runs, write-once params, step metrics, artifacts,
 * provenance and claim verdicts; each run's files live in a folder named after it next to the database.
 *
 * <p>Runs are written as they go. Each run records the process that owns it; a store opened later finds runs
 * still RUNNING whose owner is gone and marks them KILLED, keeping everything they wrote.
 */
public final class RunStore implements RunRecorder, AutoCloseable {
    /** Migrations in order; the schema version is their count. */
    static final List<String> MIGRATIONS = List.of("V1__runs.sql", "V2__claims.sql", "V3__wall_time.sql");

    public static final int SCHEMA_VERSION = MIGRATIONS.size();

    /** Jackson is loaded only when JSON is written or read: listing commands start faster without it. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Loaded on the first new id: SecureRandom's providers cost start-up time that reading commands need not pay. */
    private static final class IdRandom {
        static final SecureRandom RANDOM = new SecureRandom();
    }
    private static final long FLUSH_NANOS = 200_000_000L;
    private static final int FLUSH_ROWS = 512;

    private final Path dbFile;
    private final Path artifactRoot;
    private final Connection conn;
    private final long pid = ProcessHandle.current().pid();
    private final long pidStart = processStart(ProcessHandle.current());
    private volatile String batch;
    private final List<String> recovered;

    private RunStore(Path dbFile, Path artifactRoot, Connection conn, List<String> recovered) {
        this.dbFile = dbFile;
        this.artifactRoot = artifactRoot;
        this.conn = conn;
        this.recovered = recovered;
    }

    /** Where the store lives by default: {@code $ALIGNLAB_HOME/alignlab.db}, else {@code ./runs/alignlab.db}. */
    public static Path defaultLocation() {
        String home = System.getenv("ALIGNLAB_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of("runs");
        return dir.resolve("alignlab.db");
    }

    public static RunStore open(Path dbFile) {
        return open(dbFile, null, 5_000);
    }

    public static RunStore open(Path dbFile, int busyTimeoutMillis) {
        return open(dbFile, null, busyTimeoutMillis);
    }

    /**
     * Opens (creating if needed) and migrates the store; runs left RUNNING by a dead process are marked KILLED.
     *
     * @param artifactRoot where run folders go; null means next to the database file
     * @throws UsageException when the file is not an SQLite database, is locked, is from a newer alignlab, or
     *                        its folder cannot be created
     */
    public static RunStore open(Path dbFile, Path artifactRoot, int busyTimeoutMillis) {
        Path abs = dbFile.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new UsageException("store " + dbFile + " is a folder; give the database file, e.g. "
                    + dbFile.resolve("alignlab.db"));
        }
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new UsageException("cannot create the store's folder " + dir + " (" + ex.getClass().getSimpleName()
                    + "); choose another --store or ALIGNLAB_HOME");
        }
        if (Files.exists(abs) && !Files.isReadable(abs)) {
            throw new UsageException("store " + dbFile + " is not readable; fix its permissions or use another --store");
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + abs);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
                st.execute("PRAGMA foreign_keys = ON");
                useWal(st, busyTimeoutMillis);
                st.execute("PRAGMA synchronous = NORMAL");
            }
            int version = migrate(c, dbFile);
            if (version < 0) throw new IllegalStateException("unreachable");
            List<String> recovered = recoverDead(c);
            Path root = artifactRoot == null ? dir : artifactRoot.toAbsolutePath().normalize();
            return new RunStore(abs, root, c, recovered);
        } catch (SQLException ex) {
            closeQuietly(c);
            throw translate(ex, dbFile);
        } catch (RuntimeException ex) {
            closeQuietly(c);
            throw ex;
        }
    }

    /**
     * Puts the file in WAL mode (a lasting property of the file). Switching needs the file to itself, and SQLite
     * answers SQLITE_BUSY at once, without waiting on the busy timeout, while another connection opening the same
     * new store holds it; so the switch is retried until the timeout has passed.
     */
    private static void useWal(Statement st, int busyTimeoutMillis) throws SQLException {
        long deadline = System.nanoTime() + busyTimeoutMillis * 1_000_000L;
        for (int attempt = 0; ; attempt++) {
            try {
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) return;
                }
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    rs.next();
                }
                return;
            } catch (SQLException ex) {
                String msg = String.valueOf(ex.getMessage());
                boolean busy = msg.contains("SQLITE_BUSY") || msg.contains("database is locked");
                if (!busy || System.nanoTime() > deadline) throw ex;
                try {
                    Thread.sleep(Math.min(50, 1L << Math.min(attempt, 5)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    static UsageException translate(SQLException ex, Path dbFile) {
        String msg = String.valueOf(ex.getMessage());
        if (msg.contains("SQLITE_NOTADB") || msg.contains("not a database") || msg.contains("file is encrypted")) {
            return new UsageException("store " + dbFile + " is not an alignlab store (not an SQLite database); "
                    + "move it away or choose another --store");
        }
        if (msg.contains("SQLITE_BUSY") || msg.contains("database is locked") || msg.contains("SQLITE_LOCKED")) {
            return new UsageException("store " + dbFile + " is locked by another process; wait for it to finish "
                    + "or use another --store");
        }
        if (msg.contains("SQLITE_CANTOPEN") || msg.contains("SQLITE_READONLY") || msg.contains("SQLITE_PERM")
                || msg.contains("SQLITE_IOERR")) {
            return new UsageException("store " + dbFile + " cannot be opened for writing (" + firstLine(msg)
                    + "); check its permissions or use another --store");
        }
        return new UsageException("store " + dbFile + " cannot be used: " + firstLine(msg));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Applies the migrations the file lacks, each in its own transaction; returns the final version. */
    static int migrate(Connection c, Path dbFile) throws SQLException {
        return migrate(c, dbFile, SCHEMA_VERSION);
    }

    static int migrate(Connection c, Path dbFile, int target) throws SQLException {
        int version = userVersion(c, dbFile);
        if (version >= target) return version;
        // One write transaction, taken before the version is read again: two processes opening a new store at
        // once must not both create the tables (the second waits, then sees the first one's version).
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                version = userVersion(c, dbFile);
                for (int v = version; v < target; v++) {
                    for (String stmt : splitSql(resource(MIGRATIONS.get(v)))) st.execute(stmt);
                    st.execute("PRAGMA user_version = " + (v + 1));
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException ex) {
                st.execute("ROLLBACK");
                throw ex;
            }
        }
        return Math.max(version, target);
    }

    private static int userVersion(Connection c, Path dbFile) throws SQLException {
        int version;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new UsageException("store " + dbFile + " has schema version " + version + ", newer than this "
                    + "alignlab understands (" + SCHEMA_VERSION + "); update alignlab or use another --store");
        }
        return version;
    }

    private static String resource(String name) {
        try (InputStream in = RunStore.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("migration " + name + " missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Splits a script on semicolons that end a line, keeping trigger bodies (BEGIN ... END;) whole. */
    static List<String> splitSql(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) continue;
            cur.append(line).append('\n');
            String upper = t.toUpperCase(Locale.ROOT);
            if (upper.startsWith("CREATE TRIGGER")) inTrigger = true;
            if (inTrigger ? upper.equals("END;") : t.endsWith(";")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                inTrigger = false;
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static List<String> recoverDead(Connection c) throws SQLException {
        List<String> killed = new ArrayList<>();
        List<Object[]> running = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, owner_pid, owner_started FROM runs WHERE status = 'RUNNING'")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) running.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)});
            }
        }
        for (Object[] r : running) {
            if (!ownerAlive((Long) r[1], (Long) r[2])) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'KILLED', ended_at = ?, "
                        + "error = coalesce(error, 'owner process ' || owner_pid || ' ended while the run was going') "
                        + "WHERE id = ? AND status = 'RUNNING'")) {
                    ps.setString(1, now());
                    ps.setString(2, (String) r[0]);
                    if (ps.executeUpdate() == 1) killed.add((String) r[0]);
                }
            }
        }
        return killed;
    }

    /** A process is the owner only if its pid is alive and it started when the owner did (pids are reused). */
    static boolean ownerAlive(long pid, long started) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return false;
        long s = processStart(h.get());
        return s == 0 || started == 0 || Math.abs(s - started) < 2_000;
    }

    private static long processStart(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection that failed to open
        }
    }

    // ------------------------------------------------------------------ recording

    public Path file() {
        return dbFile;
    }

    public Path artifactRoot() {
        return artifactRoot;
    }

    /** Runs this open found RUNNING with a dead owner and marked KILLED. */
    public List<String> recoveredRuns() {
        return recovered;
    }

    /** Starts a batch (one command) that the following runs and claim results belong to. */
    public synchronized String beginBatch(String command, Scale scale) {
        String id = "b" + newId();
        exec("INSERT INTO batches (id, command, scale, started_at) VALUES (?, ?, ?, ?)", id, command,
                scale.label(), now());
        batch = id;
        return id;
    }

    public synchronized void endBatch() {
        if (batch != null) exec("UPDATE batches SET ended_at = ? WHERE id = ?", now(), batch);
    }

    private static String newId() {
        byte[] b = new byte[3];
        IdRandom.RANDOM.nextBytes(b);
        return ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(b);
    }

    @Override
    public Recording begin(ExperimentInfo info, Scale scale, long seed, Map<String, String> params,
                           Provenance provenance) {
        String id = newId();
        Path dir = artifactRoot.resolve(id);
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) throw new IOException("not writable");
        } catch (IOException ex) {
            throw new UsageException("cannot create the artifact folder " + dir + " (" + ex.getMessage()
                    + "); make it writable or choose another --store");
        }
        synchronized (this) {
            inTransaction(() -> {
                exec("INSERT INTO runs (id, experiment, scale, seed, status, owner_pid, owner_started, started_at, "
                        + "batch) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)", id, info.id(), scale.label(), seed, pid,
                        pidStart, now(), batch);
                for (Map.Entry<String, String> e : params.entrySet()) {
                    exec("INSERT INTO params (run_id, key, value) VALUES (?, ?, ?)", id, e.getKey(), e.getValue());
                }
                exec("INSERT INTO provenance (run_id, json) VALUES (?, ?)", id, json(provenance));
            });
        }
        return new StoreRecording(id, dir);
    }

    private final class StoreRecording implements Recording, MetricSink {
        private final String id;
        private final Path dir;
        private final List<Object[]> buffer = new ArrayList<>();
        private long seq;
        private long lastFlush = System.nanoTime();
        private boolean ended;

        StoreRecording(String id, Path dir) {
            this.id = id;
            this.dir = dir;
        }

        public String runId() { return id; }

        public Path artifactDir() { return dir; }

        public MetricSink sink() { return this; }

        @Override
        public synchronized void metric(long step, String name, double value) {
            buffer.add(new Object[] {seq++, step, name, value});
            if (buffer.size() >= FLUSH_ROWS || System.nanoTime() - lastFlush > FLUSH_NANOS) flush();
        }

        @Override
        public synchronized void artifact(String name, Path file) {
            flush();
            Path rel = artifactRoot.relativize(file.toAbsolutePath().normalize());
            synchronized (RunStore.this) {
                exec("INSERT OR REPLACE INTO artifacts (run_id, name, path) VALUES (?, ?, ?)", id, name,
                        rel.toString());
            }
        }

        synchronized void flush() {
            lastFlush = System.nanoTime();
            if (buffer.isEmpty()) return;
            List<Object[]> rows = new ArrayList<>(buffer);
            buffer.clear();
            synchronized (RunStore.this) {
                inTransaction(() -> {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "INSERT INTO metrics (run_id, seq, step, name, value) VALUES (?, ?, ?, ?, ?)")) {
                        for (Object[] r : rows) {
                            ps.setString(1, id);
                            ps.setLong(2, (Long) r[0]);
                            ps.setLong(3, (Long) r[1]);
                            ps.setString(4, (String) r[2]);
                            double v = (Double) r[3];
                            if (Double.isFinite(v)) ps.setDouble(5, v);
                            else ps.setNull(5, java.sql.Types.REAL);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    } catch (SQLException ex) {
                        throw new IllegalStateException(ex);
                    }
                });
            }
        }

        private synchronized void end(String status, String resultJson, String error, Provenance p) {
            if (ended) return;
            ended = true;
            flush();
            synchronized (RunStore.this) {
                inTransaction(() -> {
                    exec("UPDATE runs SET status = ?, ended_at = ?, result_json = ?, error = ?, wall_ms = ? WHERE id = ?",
                            status, now(), resultJson, error, p.wallMillis(), id);
                    exec("UPDATE provenance SET json = ? WHERE run_id = ?", json(p), id);
                });
            }
        }

        public void finished(Record result, Provenance p) { end("FINISHED", json(result), null, p); }

        public void failed(Throwable error, Provenance p) {
            end("FAILED", null, error.getClass().getSimpleName() + ": " + error.getMessage(), p);
        }

        public void killed(Provenance p) { end("KILLED", null, "interrupted", p); }
    }

    /** Marks every run this process still has RUNNING as KILLED (Ctrl-C, shutdown). */
    public synchronized int killOwnRunning(String why) {
        return exec("UPDATE runs SET status = 'KILLED', ended_at = ?, error = ? WHERE status = 'RUNNING' "
                + "AND owner_pid = ?", now(), why, pid);
    }

    @Override
    public synchronized void claims(List<ClaimResult> results) {
        if (batch == null) beginBatch("check", Scale.QUICK);
        inTransaction(() -> {
            for (ClaimResult r : results) {
                exec("INSERT OR REPLACE INTO claim_results (batch, experiment, claim, node, verdict, demonstration, "
                        + "statement, source, setup_note, published, tolerance, band_lo, band_hi, n, mean, ci_lo, "
                        + "ci_hi, values_json, run_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?)", batch, r.experiment(), r.claim(), r.node(), r.verdict().name(),
                        r.demonstration() ? 1 : 0, r.statement(), r.source(), r.setupNote(), finite(r.published()),
                        r.tolerance(), finite(r.bandLo()), finite(r.bandHi()), r.n(), finite(r.mean()),
                        finite(r.ciLo()), finite(r.ciHi()), json(r.values()), json(r.runIds()), now());
            }
        });
    }

    // ------------------------------------------------------------------ reading

    /** One row of the runs table. */
    public record RunRow(String id, String experiment, String scale, long seed, String status, String startedAt,
                         String endedAt, String batch, String error) {}

    public synchronized List<RunRow> runs(String experimentOrNull, int limit) {
        String sql = "SELECT id, experiment, scale, seed, status, started_at, ended_at, batch, error FROM runs"
                + (experimentOrNull == null ? "" : " WHERE experiment = ?") + " ORDER BY started_at DESC, id DESC LIMIT ?";
        List<RunRow> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            if (experimentOrNull != null) ps.setString(i++, experimentOrNull);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(runRow(rs));
            }
        } catch (SQLException ex) {
            throw translate(ex, dbFile);
        }
        return out;
    }

    private static RunRow runRow(ResultSet rs) throws SQLException {
        return new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /** The run with this id, or with an id that starts with it when that prefix is unique. */
    public synchronized RunRow run(String idOrPrefix) {
        List<RunRow> hits = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, experiment, scale, seed, status, started_at, "
                + "ended_at, batch, error FROM runs WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 3")) {
            ps.setString(1, idOrPrefix);
            ps.setString(2, idOrPrefix.replace("%", "").replace("_", "") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) hits.add(runRow(rs));
            }
        } catch (SQLException ex) {
            throw translate(ex, dbFile);
        }
        for (RunRow r : hits) if (r.id().equals(idOrPrefix)) return r;
        if (hits.isEmpty()) throw new UsageException("no run '" + idOrPrefix + "' in " + dbFile + "; see `alignlab runs list`");
        if (hits.size() > 1) throw new UsageException("run id '" + idOrPrefix + "' is ambiguous; give more characters");
        return hits.get(0);
    }

    public synchronized Map<String, String> params(String runId) {
        Map<String, String> out = new LinkedHashMap<>();
        query("SELECT key, value FROM params WHERE run_id = ? ORDER BY rowid", rs -> out.put(rs.getString(1),
                rs.getString(2)), runId);
        return out;
    }

    public synchronized MetricLog metrics(String runId) {
        MetricLog log = new MetricLog();
        query("SELECT step, name, value FROM metrics WHERE run_id = ? ORDER BY seq", rs -> {
            double v = rs.getDouble(3);
            log.add(rs.getLong(1), rs.getString(2), rs.wasNull() ? Double.NaN : v);
        }, runId);
        return log;
    }

    /** Artifact name → absolute path. */
    public synchronized Map<String, Path> artifacts(String runId) {
        Map<String, Path> out = new LinkedHashMap<>();
        query("SELECT name, path FROM artifacts WHERE run_id = ? ORDER BY name", rs -> out.put(rs.getString(1),
                artifactRoot.resolve(rs.getString(2))), runId);
        return out;
    }

    public synchronized Optional<String> resultJson(String runId) {
        List<String> out = new ArrayList<>();
        query("SELECT result_json FROM runs WHERE id = ?", rs -> out.add(rs.getString(1)), runId);
        return out.isEmpty() ? Optional.empty() : Optional.ofNullable(out.get(0));
    }

    public synchronized Optional<String> provenanceJson(String runId) {
        List<String> out = new ArrayList<>();
        query("SELECT json FROM provenance WHERE run_id = ?", rs -> out.add(rs.getString(1)), runId);
        return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
    }

    /** The newest batch that stored claim results, optionally only among those of one command. */
    public synchronized Optional<String> latestBatchWithClaims() {
        List<String> out = new ArrayList<>();
        query("SELECT b.id FROM batches b WHERE EXISTS (SELECT 1 FROM claim_results c WHERE c.batch = b.id) "
                + "ORDER BY b.started_at DESC, b.id DESC LIMIT 1", rs -> out.add(rs.getString(1)));
        return out.stream().findFirst();
    }

    public synchronized List<ClaimResult> claimResults(String batchId) {
        List<ClaimResult> out = new ArrayList<>();
        query("SELECT experiment, claim, node, statement, source, demonstration, setup_note, published, tolerance, "
                + "band_lo, band_hi, n, mean, ci_lo, ci_hi, verdict, values_json, run_ids FROM claim_results "
                + "WHERE batch = ? ORDER BY rowid", rs -> out.add(new ClaimResult(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6) == 1, rs.getString(7),
                dbl(rs, 8, Double.NaN), rs.getString(9), dbl(rs, 10, Double.NEGATIVE_INFINITY),
                dbl(rs, 11, Double.POSITIVE_INFINITY), rs.getInt(12), dbl(rs, 13, Double.NaN),
                dbl(rs, 14, Double.NaN), dbl(rs, 15, Double.NaN), Verdict.valueOf(rs.getString(16)),
                readJson(rs.getString(17), double[].class), List.of(readJson(rs.getString(18), String[].class)))),
                batchId);
        return out;
    }

    /** Latest verdict per (experiment, claim) over all batches: what `landscape` counts. */
    public synchronized Map<String, Verdict> latestVerdicts() {
        Map<String, Verdict> out = new LinkedHashMap<>();
        query("SELECT c.experiment, c.claim, c.verdict FROM claim_results c JOIN batches b ON b.id = c.batch "
                + "ORDER BY b.started_at, c.created_at", rs -> out.put(rs.getString(1) + "#" + rs.getString(2),
                Verdict.valueOf(rs.getString(3))));
        return out;
    }

    /** The wall time of the newest finished quick run of each experiment, in milliseconds. */
    public synchronized Map<String, Long> lastQuickWallMillis() {
        Map<String, Long> out = new LinkedHashMap<>();
        query("SELECT experiment, wall_ms FROM runs WHERE scale = 'quick' AND status = 'FINISHED' "
                + "AND wall_ms IS NOT NULL ORDER BY started_at", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    public synchronized int schemaVersion() {
        int[] v = new int[1];
        query("PRAGMA user_version", rs -> v[0] = rs.getInt(1));
        return v[0];
    }

    @Override
    public synchronized void close() {
        closeQuietly(conn);
    }

    // ------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... args) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reader.read(rs);
            }
        } catch (SQLException ex) {
            throw translate(ex, dbFile);
        }
    }

    private int exec(String sql, Object... args) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw translate(ex, dbFile);
        }
    }

    private void inTransaction(Runnable body) {
        try {
            conn.setAutoCommit(false);
            try {
                body.run();
                conn.commit();
            } catch (RuntimeException ex) {
                conn.rollback();
                throw ex;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException ex) {
            throw translate(ex, dbFile);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) ps.setObject(i + 1, null);
            else if (a instanceof Long l) ps.setLong(i + 1, l);
            else if (a instanceof Integer n) ps.setInt(i + 1, n);
            else if (a instanceof Double d) ps.setDouble(i + 1, d);
            else ps.setString(i + 1, a.toString());
        }
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static double dbl(ResultSet rs, int col, double ifNull) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? ifNull : v;
    }

    static String json(Object o) {
        try {
            return Mapper.JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write " + o.getClass().getSimpleName() + " as JSON", ex);
        }
    }

    static <T> T readJson(String text, Class<T> type) {
        try {
            return Mapper.JSON.readValue(text, type);
        } catch (IOException ex) {
            throw new IllegalStateException("stored JSON cannot be read as " + type.getSimpleName(), ex);
        }
    }

    /** Pretty JSON of stored text, for `runs show`. */
    public static String pretty(String json) {
        try {
            return Mapper.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Mapper.JSON.readTree(json));
        } catch (IOException ex) {
            return json;
        }
    }
}
