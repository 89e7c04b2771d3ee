package org.alignlab.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Engine bootstrap: DJL's PyTorch engine, offline, on the CPU, with a fixed number of intra-op threads.
 *
 * <p>Every entry point of this package calls {@link #engine()} first. It sets the system property
 * {@code ai.djl.offline=true} (so the engine never tries to download natives) and loads libtorch from the
 * {@code pytorch-native-cpu} jar on the class path. DJL extracts the natives (about 450 MB) once into its cache
 * folder, {@code $DJL_CACHE_DIR} (environment variable or system property) or else {@code ~/.djl.ai}, or
 * {@code $java.io.tmpdir/.djl.ai} when the home folder is not writable; a fresh HOME therefore works, at the cost of
 * one extraction. {@code OPT_OUT_TRACKING=true} can only be set in the environment; without it DJL may try to
 * send a usage ping (it fails quietly offline), so {@link #trackingWarning()} says what to set.
 *
 * <p>Threads: results are bit-for-bit reproducible for a given thread count. The count is
 * {@code -Dalignlab.neural.threads=N} (default 1, so that a run on any machine gives the same numbers).
 */
public final class Neural {
    /** System property for the number of intra-op threads. */
    public static final String THREADS_PROPERTY = "alignlab.neural.threads";

    private static Engine engine;
    private static int threads;

    private Neural() {}

    /** The PyTorch engine, loaded offline on first use. */
    public static synchronized Engine engine() {
        if (engine == null) {
            System.setProperty("ai.djl.offline", "true");
            NativeHeap.tune();
            int n = Integer.getInteger(THREADS_PROPERTY, 1);
            if (n < 1) throw new NeuralException("-D" + THREADS_PROPERTY + " must be at least 1, got " + n);
            // Read at engine start-up by DJL's PyTorch engine; set again below in case the engine was up already.
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            try {
                engine = Engine.getEngine("PyTorch");
            } catch (RuntimeException | UnsatisfiedLinkError ex) {
                throw new NeuralException("cannot load the PyTorch engine offline (" + ex.getMessage()
                        + "); check that pytorch-native-cpu (linux-x86_64) is on the class path and that "
                        + cacheDir() + " is writable, or set DJL_CACHE_DIR");
            }
            JniUtils.setNumThreads(n);
            threads = n;
        }
        return engine;
    }

    /** Intra-op threads the engine uses. */
    public static synchronized int threads() {
        engine();
        return threads;
    }

    /**
     * Sets the number of intra-op threads. Results are reproducible for a fixed count; different counts may
     * differ in the last bits (parallel sums).
     */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new NeuralException("threads must be at least 1, got " + n);
        engine();
        JniUtils.setNumThreads(n);
        threads = n;
    }

    /**
     * Runs {@code body} with autograd off on this thread, then restores the mode found. PyTorch's grad mode is per
     * thread and on in a new one, so without this an evaluation pass on a fresh worker would record a graph (and
     * keep every intermediate array alive through it) that no backward pass ever uses.
     */
    public static <T> T noGrad(java.util.function.Supplier<T> body) {
        engine();
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(was);
        }
    }

    /** Seeds the engine's own generator (dropout masks, engine-side random arrays). */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /** A new root manager on the CPU; close it when done. */
    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /** Where DJL extracts its natives. */
    public static Path cacheDir() {
        return Utils.getEngineCacheDir("pytorch");
    }

    /** The PyTorch version loaded. */
    public static String version() {
        return engine().getVersion();
    }

    /** A one-line hint when {@code OPT_OUT_TRACKING} is not set in the environment, else empty. */
    public static Optional<String> trackingWarning() {
        String v = System.getenv("OPT_OUT_TRACKING");
        if ("true".equalsIgnoreCase(v)) return Optional.empty();
        return Optional.of("set the environment variable OPT_OUT_TRACKING=true (DJL cannot be told by a system "
                + "property; offline it only fails quietly)");
    }
}
