package org.alignlab.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.alignlab.decision.env.Step;
import org.alignlab.decision.grid.GridGame;
import org.alignlab.decision.grid.GridObservation;
import org.alignlab.decision.grid.GridSimulator;
import org.alignlab.decision.grid.GridworldEnv;
import org.alignlab.threats.gridworlds.BoatRace;
import org.alignlab.threats.gridworlds.SideEffectsSokoban;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Gridworld steps per second with uniformly random actions, for boat race and side-effects sokoban (level 0), against
 * the AI Safety Gridworlds' reference implementation on pycolab ({@code peers/gridworld_steps_peer.py}, run side by
 * side by {@code run-gridworld-steps.sh}). Goal (issue): at least 100 times the peer's steps per second.
 *
 * <p>One invocation is a batch of {@value #BATCH} steps from a fresh reset; when an episode ends (terminated or
 * truncated) the environment is reset before the next step, and the reset is timed with the batch, as on the peer's
 * side. JMH's throughput is in batches, {@link OperationsPerInvocation} turns it into steps per second.
 *
 * <p>{@code env} steps through {@link GridworldEnv#step}: an observation (the packed board), the reward, the flags
 * and the {@code info} map every step, the fair match for the peer's {@code env.step}, whose time step carries the
 * board as numpy arrays. Every {@link Step} goes to a {@link Blackhole}, so none of it is optimised away.
 * {@code simulator} steps through {@link GridSimulator#step}, the allocation-free fast path that makes no
 * observation.
 *
 * <p>The actions are drawn before timing from a SplitMix64 stream that the peer script reproduces exactly ({@link
 * #actions}), so both sides play the same episodes; {@link #main} prints the checksums of a batch (episodes ended,
 * total observed reward, hidden return of the ended episodes) for the run script to compare with the peer's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class GridworldStepBenchmark {
    /** Steps in a batch (one invocation). */
    static final int BATCH = 20_000;

    /** The action stream's seed; the peer script's default is the same. */
    static final long SEED = 20_240_601L;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** {@code boat_race} or {@code side_effects_sokoban}, the peer's module names. */
    @Param({"boat_race", "side_effects_sokoban"})
    String game;

    private int[] actions;
    private GridworldEnv env;
    private GridSimulator sim;

    @Setup
    public void setUp() {
        GridGame g = game(game);
        env = new GridworldEnv(g);
        sim = new GridSimulator(g);
        actions = actions(SEED, BATCH, g.actions());
    }

    static GridGame game(String name) {
        return switch (name) {
            case "boat_race" -> new BoatRace();
            case "side_effects_sokoban" -> new SideEffectsSokoban(0, false);
            default -> throw new IllegalArgumentException("no game " + name + "; use boat_race or side_effects_sokoban");
        };
    }

    /**
     * The shared action stream: action k is {@code ((mix64(seed + (k + 1)·γ) >>> 32) · count) >>> 32}, with
     * SplitMix64's finaliser and golden gamma (as {@link java.util.SplittableRandom}); the peer script computes
     * the same numbers.
     */
    static int[] actions(long seed, int n, int count) {
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            long z = seed + (k + 1) * GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            out[k] = (int) (((z >>> 32) * count) >>> 32);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double env(Blackhole bh) {
        long episode = 0;
        bh.consume(env.reset(episode));
        double sum = 0;
        for (int a : actions) {
            Step<GridObservation> s = env.step(a);
            bh.consume(s);
            sum += s.reward();
            if (s.terminated() || s.truncated()) bh.consume(env.reset(++episode));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double simulator() {
        long episode = 0;
        sim.reset(episode);
        double sum = 0;
        for (int a : actions) {
            sim.step(a);
            sum += sim.reward();
            if (sim.done()) sim.reset(++episode);
        }
        return sum;
    }

    /**
     * Prints the checksums of one batch per game, through the env and through the simulator:
     * {@code OURS_CHECK <game> episodes=<n> reward=<sum> hidden=<sum>} (the peer prints {@code PEER_CHECK}).
     */
    public static void main(String[] args) {
        for (String name : args.length > 0 ? args : new String[] {"boat_race", "side_effects_sokoban"}) {
            if (!name.equals("boat_race") && !name.equals("side_effects_sokoban")) {
                System.err.println("no game " + name + "; use boat_race or side_effects_sokoban");
                System.exit(2);
            }
            GridGame g = game(name);
            int[] acts = actions(SEED, BATCH, g.actions());
            GridworldEnv e = new GridworldEnv(g);
            long episodes = 0;
            double reward = 0;
            double hidden = 0;
            e.reset(episodes);
            for (int a : acts) {
                Step<GridObservation> s = e.step(a);
                reward += s.reward();
                if (s.done()) {
                    hidden += e.hiddenReturn();
                    e.reset(++episodes);
                }
            }
            GridSimulator sim = new GridSimulator(g);
            long simEpisodes = 0;
            double simReward = 0;
            double simHidden = 0;
            sim.reset(simEpisodes);
            for (int a : acts) {
                sim.step(a);
                simReward += sim.reward();
                if (sim.done()) {
                    simHidden += sim.hiddenReturn();
                    sim.reset(++simEpisodes);
                }
            }
            if (simEpisodes != episodes || simReward != reward || simHidden != hidden) {
                System.out.println("MISMATCH " + name + ": env and simulator disagree");
            }
            System.out.println(String.format(Locale.ROOT, "OURS_CHECK %s episodes=%d reward=%s hidden=%s", name,
                    episodes, fmt(reward), fmt(hidden)));
        }
    }

    /** As Python's {@code %g} for the integral sums here. */
    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
