package org.alignlab.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alignlab.decision.mdp.Garnet;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.ValueIteration;
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
 * One synchronous Bellman-optimality sweep V' = T*V on a Garnet MDP with 10⁶ states, 4 actions and 4 random
 * successors per state-action pair (16·10⁶ transitions), γ = 0.99: the speed goal is to beat scipy's CSR
 * product for the same sweep ({@code peers/vi_sweep_scipy.py}) in the same run ({@code run-vi-sweep.sh}).
 *
 * <p>{@code serial} is {@link ValueIteration#sweep}, one thread; {@code parallel} is {@link
 * ValueIteration#sweepParallel} on the common fork-join pool (bit-identical output). At this size both read V segment
 * by segment (the MDP's segmented layout, built once in the setup). The input values are fixed random
 * numbers, so every sweep reads the same data. The fork asks for transparent huge pages, as numpy does for its large
 * arrays by default on Linux: the sweep is bound by random reads of V, and 4 KiB pages add a TLB miss to most of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class ValueIterationSweepBenchmark {
    /** The MDP's seed; the Python peer draws the same structure from its own generator. */
    static final long SEED = 20_240_601L;

    @Param("1000000")
    int states;

    @Param("4")
    int actions;

    @Param("4")
    int successors;

    private Mdp mdp;
    private double[] v;
    private double[] out;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(SEED);
        mdp = Garnet.generate(states, actions, successors, 0.99, rng);
        v = new double[states];
        for (int s = 0; s < states; s++) v[s] = rng.nextDouble() * 100;
        out = new double[states];
        ValueIteration.sweep(mdp, v, out); // builds the MDP's segmented layout outside the measurement
    }

    @Benchmark
    public double serial() {
        return ValueIteration.sweep(mdp, v, out);
    }

    @Benchmark
    public double parallel() {
        return ValueIteration.sweepParallel(mdp, v, out);
    }
}
