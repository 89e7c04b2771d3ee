package org.alignlab.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.Strategy;
import org.alignlab.games.iterated.strategies.MemoryOne;
import org.alignlab.games.iterated.strategies.RandomPlayer;
import org.alignlab.games.iterated.strategies.StrategyRegistry;
import org.alignlab.games.tournament.Tournament;
import org.alignlab.games.tournament.TournamentResult;
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
 * Round-robin tournaments of the iterated Prisoner's Dilemma, 200 turns, 5 repetitions, self-play on, as the Axelrod
 * Python library plays them ({@code peers/axelrod_peer.py}, run side by side by {@code run-tournament.sh}):
 * <ul>
 *   <li>{@code first}: Axelrod's first tournament, the 15 entries (Axelrod 1980);</li>
 *   <li>{@code fifty}: 50 players: the 23 strategies both libraries implement, then Random at cooperation
 *       probabilities 0.1 … 0.9 and 18 memory-one players whose four probabilities are given by the same integer
 *       formula on both sides ({@link #memoryOneVector}), so both sides play the same players.</li>
 * </ul>
 * {@code threads = 0} means all available processors; the peer times are serial. Goal: ≥ 50× faster.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class TournamentBenchmark {
    static final int TURNS = 200;
    static final int REPETITIONS = 5;

    @Param({"first", "fifty"})
    String players;

    /** Worker threads; 0 = all available processors. */
    @Param({"1", "0"})
    int threads;

    private Tournament tournament;
    private long seed;

    /** The k-th extra memory-one player's (p_CC, p_CD, p_DC, p_DD), in hundredths; the peer uses the same formula. */
    static double[] memoryOneVector(int k) {
        return new double[] {((13 + 37 * k) % 101) / 100.0, ((29 + 53 * k) % 101) / 100.0,
                ((41 + 71 * k) % 101) / 100.0, ((7 + 29 * k) % 101) / 100.0};
    }

    static List<Strategy> fifty() {
        List<Strategy> out = new ArrayList<>(StrategyRegistry.create(StrategyRegistry.ids()));
        for (int k = 1; k <= 9; k++) out.add(new RandomPlayer(k / 10.0));
        for (int k = 0; out.size() < 50; k++) {
            double[] p = memoryOneVector(k);
            out.add(new MemoryOne("MemoryOne-" + k, p[0], p[1], p[2], p[3], 1));
        }
        return out;
    }

    @Setup
    public void setUp() {
        List<Strategy> list = players.equals("first")
                ? StrategyRegistry.create(StrategyRegistry.axelrodFirstTournament()) : fifty();
        tournament = Tournament.roundRobin(list, MatchSpec.of(TURNS), REPETITIONS, 1);
    }

    @Benchmark
    public TournamentResult tournament() {
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        // a new seed each call, as a fresh tournament would have; the work does not depend on it
        return new Tournament(tournament.players(), tournament.match(), REPETITIONS, ++seed, true).run(t);
    }
}
