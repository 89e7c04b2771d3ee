package org.alignlab.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * What a running experiment may touch: named random streams from one seed, metric logging, progress, an
 * artifact folder and cancellation. One context per run, used by that run's thread(s) only.
 */
public final class RunContext {
    private final long seed;
    private final MetricSink sink;
    private final MetricLog log = new MetricLog();
    private final Progress.Listener progress;
    private final Path artifactDir;
    private final CancellationToken cancellation;

    public RunContext(long seed, MetricSink sink, Progress.Listener progress, Path artifactDir,
                      CancellationToken cancellation) {
        this.seed = seed;
        this.sink = sink;
        this.progress = progress;
        this.artifactDir = artifactDir;
        this.cancellation = cancellation;
    }

    /** A context that records nothing: for tests and library use. */
    public static RunContext detached(long seed) {
        return new RunContext(seed, MetricSink.NONE, Progress.Listener.NONE, null, new CancellationToken());
    }

    public long seed() {
        return seed;
    }

    /** An independent stream for {@code name}; asking twice for a name gives two streams with the same numbers. */
    public SplittableRandom random(String name) {
        return Seeds.stream(seed, name);
    }

    /** A seed for {@code name}, for code that seeds its own generator. */
    public long seed(String name) {
        return Seeds.derive(seed, name);
    }

    public void log(String name, long step, double value) {
        log.add(step, name, value);
        sink.metric(step, name, value);
    }

    public MetricLog metrics() {
        return log;
    }

    public Progress progress(String task, long total) {
        return progress.start(task, total);
    }

    /**
     * The run's folder for files it writes, created on first use.
     *
     * @throws UsageException when there is no folder (a detached context) or it cannot be created
     */
    public Path artifactDir() {
        if (artifactDir == null) throw new UsageException("this run has no artifact folder (detached context)");
        try {
            Files.createDirectories(artifactDir);
        } catch (IOException ex) {
            throw new UsageException("cannot create artifact folder " + artifactDir + ": " + ex.getMessage()
                    + " (choose a writable --store)");
        }
        return artifactDir;
    }

    /** Whether this run has an artifact folder (a detached context has none). */
    public boolean hasArtifactDir() {
        return artifactDir != null;
    }

    /** Records a file the run wrote under its artifact folder. */
    public void artifact(String name, Path file) {
        sink.artifact(name, file);
    }

    public boolean cancelled() {
        return cancellation.isCancelled();
    }

    /** Throws {@link CancellationToken.CancelledException} if the run was cancelled; call it in long loops. */
    public void checkCancelled() {
        if (cancellation.isCancelled()) throw new CancellationToken.CancelledException();
    }

    /** Writes a text artifact. */
    public Path writeArtifact(String fileName, String text) {
        Path p = artifactDir().resolve(fileName);
        try {
            Files.writeString(p, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        artifact(fileName, p);
        return p;
    }
}
