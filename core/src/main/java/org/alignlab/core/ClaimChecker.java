package org.alignlab.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an experiment over several seeds (in parallel; results merged in seed order, so the numbers do not depend
 * on the thread count) and checks each claim: mean, 95% interval, verdict.
 */
public final class ClaimChecker {

    /** How to run a check. */
    public record Options(Scale scale, long baseSeed, int seeds, int threads, boolean figures,
                          RunRecorder recorder, Progress.Listener progress, CancellationToken cancellation) {
        /** @param seeds 0 means each claim's own number of seeds */
        public Options {
            if (seeds < 0) throw new UsageException("--seeds must be at least 1");
            if (threads < 1) throw new UsageException("--threads must be at least 1");
        }

        public static Options quick() {
            return new Options(Scale.QUICK, 1, 0, 1, false, RunRecorder.NONE, Progress.Listener.NONE,
                    new CancellationToken());
        }

        public Options withThreads(int n) {
            return new Options(scale, baseSeed, seeds, n, figures, recorder, progress, cancellation);
        }

        public Options withSeeds(int n) {
            return new Options(scale, baseSeed, n, threads, figures, recorder, progress, cancellation);
        }

        public Options withBaseSeed(long s) {
            return new Options(scale, s, seeds, threads, figures, recorder, progress, cancellation);
        }
    }

    /** One seed's run. */
    public record SeedRun<R>(int index, long seed, String runId, R result, MetricLog metrics) {}

    /** Everything a check produced. */
    public record Outcome<R>(ExperimentInfo info, Record config, List<SeedRun<R>> runs, List<ClaimResult> claims) {
        /** The result of the claim with this id. */
        public ClaimResult claim(String id) {
            return claims.stream().filter(c -> c.claim().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no claim '" + id + "' in " + info.id()));
        }
    }

    private ClaimChecker() {}

    /** The seed of replicate {@code i}: replicate 0 uses the base seed itself, so `run --seed S` reruns it. */
    public static long seedOf(long base, int i) {
        return i == 0 ? base : Seeds.replicate(base, i);
    }

    /** How many runs a check needs: the override, or the largest number of seeds any claim asks for (≥ 1). */
    public static int runsNeeded(Experiment<?, ?> e, int seedsOverride) {
        if (seedsOverride > 0) return seedsOverride;
        return e.claims().stream().mapToInt(Claim::seeds).max().orElse(1);
    }

    public static <C extends Record, R extends Record> Outcome<R> check(Experiment<C, R> e, C config, Options o) {
        e.validate(config);
        int n = runsNeeded(e, o.seeds());
        List<SeedRun<R>> runs = runAll(e, config, n, o);
        List<ClaimResult> results = new ArrayList<>();
        for (Claim<R> c : e.claims()) {
            int k = o.seeds() > 0 ? o.seeds() : c.seeds();
            double[] values = new double[k];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                values[i] = c.metric().applyAsDouble(runs.get(i).result());
                ids.add(runs.get(i).runId());
            }
            results.add(ClaimResult.of(e.info(), c, values, ids));
        }
        o.recorder().claims(results);
        return new Outcome<>(e.info(), config, runs, List.copyOf(results));
    }

    /** Runs seeds 0..n-1; the first failure (in seed order) is rethrown after every run has ended. */
    public static <C extends Record, R extends Record> List<SeedRun<R>> runAll(Experiment<C, R> e, C config, int n,
                                                                              Options o) {
        Map<String, String> params = Configs.toMap(config);
        int threads = Math.min(o.threads(), n);
        List<Future<SeedRun<R>>> futures = new ArrayList<>();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alignlab-run");
            t.setDaemon(true);
            return t;
        });
        try (Progress bar = o.progress().start(e.info().id() + " (" + n + " seed" + (n == 1 ? "" : "s") + ")", n)) {
            List<SeedRun<R>> out = new ArrayList<>();
            Throwable first = null;
            if (pool == null) {
                for (int i = 0; i < n; i++) {
                    try {
                        out.add(runOne(e, config, params, i, o));
                    } catch (RuntimeException | Error ex) {
                        first = first == null ? ex : first;
                        if (ex instanceof CancellationToken.CancelledException) break;
                    }
                    bar.advance(1);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    final int idx = i;
                    futures.add(pool.submit(() -> runOne(e, config, params, idx, o)));
                }
                for (Future<SeedRun<R>> f : futures) {
                    try {
                        out.add(f.get());
                    } catch (ExecutionException ex) {
                        first = first == null ? ex.getCause() : first;
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        o.cancellation().cancel();
                        first = first == null ? new CancellationToken.CancelledException() : first;
                    }
                    bar.advance(1);
                }
            }
            if (first instanceof RuntimeException re) throw re;
            if (first instanceof Error err) throw err;
            if (first != null) throw new IllegalStateException(first);
            return out;
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    private static <C extends Record, R extends Record> SeedRun<R> runOne(Experiment<C, R> e, C config,
                                                                         Map<String, String> params, int i,
                                                                         Options o) {
        o.cancellation().isCancelled();
        long seed = seedOf(o.baseSeed(), i);
        Provenance prov = Provenance.capture(e.info().id(), o.scale(), seed, params);
        RunRecorder.Recording rec = o.recorder().begin(e.info(), o.scale(), seed, params, prov);
        RunContext ctx = new RunContext(seed, rec.sink(), i == 0 ? o.progress() : Progress.Listener.NONE,
                rec.artifactDir(), o.cancellation());
        long t0 = System.nanoTime();
        try {
            if (o.cancellation().isCancelled()) throw new CancellationToken.CancelledException();
            R result = e.run(config, ctx);
            if (o.figures() && i == 0 && rec.artifactDir() != null) {
                FigureRenderer.renderAll(e.figures(), result, ctx.metrics(), rec.artifactDir(), rec.sink());
            }
            rec.finished(result, prov.withWallMillis((System.nanoTime() - t0) / 1_000_000));
            return new SeedRun<>(i, seed, rec.runId(), result, ctx.metrics());
        } catch (CancellationToken.CancelledException ex) {
            rec.killed(prov.withWallMillis((System.nanoTime() - t0) / 1_000_000));
            throw ex;
        } catch (RuntimeException | Error ex) {
            rec.failed(ex, prov.withWallMillis((System.nanoTime() - t0) / 1_000_000));
            throw ex;
        }
    }
}
