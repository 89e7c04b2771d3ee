package org.alignlab.core.testkit;

import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.Param;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.knowm.xchart.XYChartBuilder;

/**
 * A small experiment for testing the machinery: estimates the mean of N(mean, 1) from samples, logging the running
 * mean. With {@code pauseEvery > 0} it sleeps a millisecond every so many samples, so that it can be interrupted.
 */
public final class NoisyMean implements Experiment<NoisyMean.Config, NoisyMean.Result> {
    public static final Source SOURCE = new Source("Nobody", 2024, "A test fixture", "Eq. 1");

    public record Config(@Param(value = "samples drawn", min = 1, max = 100_000_000) int samples,
                         @Param(value = "true mean", min = -10, max = 10) double mean,
                         @Param(value = "sleep 1 ms every this many samples (0: never)", min = 0) int pauseEvery,
                         @Param(value = "throw at this sample (-1: never)", min = -1) int failAt,
                         @Param(value = "estimator", choices = {"mean", "median"}) String estimator) {}

    public record Result(double estimate, int samples, double[] firstDraws) {}

    private final String node;
    private final String id;

    public NoisyMean() {
        this("test.noisy-mean", "agendas.assistance-games");
    }

    public NoisyMean(String id, String node) {
        this.id = id;
        this.node = node;
    }

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(id, "Noisy mean (test fixture)", node, List.of(SOURCE), "Estimates a mean.");
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Config config(Scale scale) {
        return scale == Scale.QUICK ? new Config(2_000, 0.5, 0, -1, "mean") : new Config(200_000, 0.5, 0, -1, "mean");
    }

    @Override
    public Result run(Config c, RunContext ctx) {
        SplittableRandom rng = ctx.random("draws");
        double sum = 0;
        double[] first = new double[Math.min(5, c.samples())];
        for (int i = 0; i < c.samples(); i++) {
            if (i == c.failAt()) throw new IllegalStateException("planned failure at sample " + i);
            double x = c.mean() + gaussian(rng);
            if (i < first.length) first[i] = x;
            sum += x;
            if ((i + 1) % 100 == 0) ctx.log("running_mean", i + 1, sum / (i + 1));
            if (c.pauseEvery() > 0 && i % c.pauseEvery() == 0) {
                ctx.checkCancelled();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    ctx.checkCancelled();
                }
            }
        }
        return new Result(sum / c.samples(), c.samples(), first);
    }

    static double gaussian(SplittableRandom rng) {
        // Box–Muller: deterministic given the stream (java.util.Random's nextGaussian caches state).
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public List<Claim<Result>> claims() {
        return List.of(
                Claim.published("mean", SOURCE, "the estimate is near the true mean 0.5", Result::estimate, 0.5,
                        Tolerance.absolute(0.2), 4),
                Claim.published("wrong", SOURCE, "the estimate is near 3 (it is not)", Result::estimate, 3.0,
                        Tolerance.absolute(0.2), 4),
                Claim.demonstration("positive", SOURCE, "the estimate is positive", Result::estimate, 0.0,
                        Tolerance.atLeast(0), 2));
    }

    @Override
    public List<Figure<Result>> figures() {
        return List.of(new Figure<>("running-mean", "Running mean", in -> {
            var chart = new XYChartBuilder().width(400).height(300).title("Running mean").xAxisTitle("samples")
                    .yAxisTitle("mean").build();
            double[] x = in.metrics().steps("running_mean");
            double[] y = in.metrics().values("running_mean");
            if (x.length > 0) chart.addSeries("running mean", x, y);
            else chart.addSeries("running mean", new double[] {0}, new double[] {0});
            return chart;
        }));
    }
}
