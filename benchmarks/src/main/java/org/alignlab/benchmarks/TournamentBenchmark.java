package org.alignlab.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.Strategy;
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
 *   <li>{@code fifty}: 50 named strategies that both libraries implement with the same rule ({@link #FIFTY}, the
 *       peer's {@code FIFTY} lists the same ids in the same order): 19 of alignlab's 23 core strategies and 31 from
 *       the literature. Every deterministic one plays move for move as the library's does (checked pair by pair
 *       over 200 turns) and the stochastic ones cooperate at the same rates; Downing, Tideman and Chieruzzi, Shubik
 *       and Graaskamp are left out because the two libraries read Axelrod 1980 differently for them.</li>
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

    /** The 50 players of {@code fifty}, as {@link StrategyRegistry} ids; {@code peers/axelrod_peer.py} has the same list. */
    static final List<String> FIFTY = List.of(
            "tit-for-tat", "nydegger", "grofman", "stein-and-rapoport", "grudger", "davis", "feld", "joss", "tullock",
            "name-withheld", "random", "cooperator", "defector", "tit-for-two-tats", "generous-tit-for-tat",
            "win-stay-lose-shift", "alternator", "extort-2", "zd-generous-2", "suspicious-tit-for-tat",
            "two-tits-for-tat", "hard-tit-for-tat", "hard-tit-for-two-tats", "slow-tit-for-two-tats", "bully",
            "anti-tit-for-tat", "spiteful-tit-for-tat", "adaptive-tit-for-tat", "gradual", "soft-grudger",
            "spiteful-cc", "easy-go", "grudger-alternator", "cycler-ccd", "cycler-ddc", "prober", "prober-2",
            "prober-3", "prober-4", "hard-prober", "handshake", "collective-strategy", "go-by-majority",
            "hard-go-by-majority", "win-shift-lose-stay", "doubler", "level-punisher", "firm-but-fair", "zd-extort-3",
            "zd-gen-2");

    @Setup
    public void setUp() {
        List<Strategy> list = players.equals("first")
                ? StrategyRegistry.create(StrategyRegistry.axelrodFirstTournament()) : StrategyRegistry.create(FIFTY);
        tournament = Tournament.roundRobin(list, MatchSpec.of(TURNS), REPETITIONS, 1);
    }

    @Benchmark
    public TournamentResult tournament() {
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        // a new seed each call, as a fresh tournament would have; the work does not depend on it
        return new Tournament(tournament.players(), tournament.match(), REPETITIONS, ++seed, true).run(t);
    }
}
