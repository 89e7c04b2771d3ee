package org.alignlab.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alignlab.decision.mdp.Garnet;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.power.Power;
import org.alignlab.decision.power.RewardSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Monte Carlo estimate of POWER (Turner et al. 2021, Def. 5.2 as implemented by {@link Power}) at state 0 of a
 * 1,000-state deterministic MDP with 4 actions (Garnet with branching 1: every action leads to one uniform random
 * successor), over 10,000 IID uniform [0, 1) reward samples. The MDP is deterministic, so {@link Power} solves each
 * sample exactly (policy iteration on the successor graph, V* up to rounding). The peer is a batched numpy
 * value iteration of the same computation stopped at a sup-norm change of 1e-6 ({@code peers/power_numpy.py --rule sup
 * --tol 1e-6}, run side by side by {@code run-power.sh}): less accurate than the exact answer timed here. Goal: ≥ 10×
 * faster than numpy at γ 0.9 and at 0.99.
 *
 * <p>{@code threads = 0} means all available processors. An estimate takes about a second, so each is timed once
 * (single-shot), after one warm-up estimate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class PowerBenchmark {
    static final long SEED = 20_240_601L;

    @Param({"0.9", "0.99"})
    double gamma;

    /** Worker threads; 0 = all available processors. */
    @Param({"0", "1"})
    int threads;

    @Param("10000")
    int samples;

    private Mdp mdp;
    private Power.Options options;

    @Setup
    public void setUp() {
        mdp = Garnet.generate(1000, 4, 1, gamma, new SplittableRandom(SEED));
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        options = new Power.Options(samples, t, SEED);
    }

    @Benchmark
    public Power.Estimate estimate() {
        return Power.estimate(mdp, 0, Horizon.discounted(gamma), RewardSampler.iidUniform(), options);
    }
}
