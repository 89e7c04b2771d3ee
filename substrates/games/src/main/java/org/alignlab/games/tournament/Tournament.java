package org.alignlab.games.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignlab.core.Seeds;
import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.MatchEngine;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.Strategy;

/**
 * A round-robin tournament of the iterated prisoner's dilemma as Axelrod ran it (Axelrod 1980, "Effective Choice in
 * the Prisoner's Dilemma"): every pair of players meets, each player also meets its own twin, and the whole round
 * robin is repeated. Every match (pair i ≤ j, repetition r) gets fresh instances of both players and its own seed,
 * derived from the tournament seed by the name "match/i/j/r"; the per-match results are combined in a fixed order,
 * so the outcome is the same bit for bit whatever the number of threads.
 */
public record Tournament(List<Strategy> players, MatchSpec match, int repetitions, long seed, boolean selfPlay) {
    public Tournament {
        if (players == null || players.size() < 2) {
            throw new UsageException("a tournament needs at least 2 players, got " + (players == null ? 0 : players.size()));
        }
        if (repetitions < 1) throw new UsageException("a tournament needs at least 1 repetition, got repetitions=" + repetitions);
        if (match == null) throw new UsageException("a tournament needs a match spec");
        players = List.copyOf(players);
    }

    /** Axelrod's setup: self-play on. */
    public static Tournament roundRobin(List<Strategy> players, MatchSpec match, int repetitions, long seed) {
        return new Tournament(players, match, repetitions, seed, true);
    }

    /** Plays every match on {@code threads} threads (1 = on the calling thread). */
    public TournamentResult run(int threads) {
        if (threads < 1) throw new UsageException("threads must be at least 1, got " + threads);
        int n = players.size();
        // one job per pair (i ≤ j), all its repetitions; per-match totals land in slot (pair, r), so the combination
        // below reads them in the same fixed order whatever thread played them
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = selfPlay ? i : i + 1; j < n; j++) pairs.add(new int[] {i, j});
        }
        Totals totals = new Totals(pairs.size() * repetitions);
        if (threads == 1) {
            MatchEngine engine = new MatchEngine(match);
            for (int k = 0; k < pairs.size(); k++) playPair(engine, pairs.get(k), k, totals);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                ThreadLocal<MatchEngine> engines = ThreadLocal.withInitial(() -> new MatchEngine(match));
                List<Future<?>> futures = new ArrayList<>();
                for (int k = 0; k < pairs.size(); k++) {
                    final int pair = k;
                    futures.add(pool.submit(() -> playPair(engines.get(), pairs.get(pair), pair, totals)));
                }
                for (Future<?> f : futures) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("tournament interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return combine(pairs, totals);
    }

    /** Per-match totals, slot = pair · repetitions + r. */
    private record Totals(double[] scoreA, double[] scoreB, int[] turns, int[] cooperationsA, int[] cooperationsB) {
        Totals(int size) {
            this(new double[size], new double[size], new int[size], new int[size], new int[size]);
        }
    }

    private void playPair(MatchEngine engine, int[] pair, int k, Totals out) {
        for (int r = 0; r < repetitions; r++) {
            // fresh instances per match; the seed is named by the pair and repetition
            Strategy a = players.get(pair[0]).fresh();
            Strategy b = players.get(pair[1]).fresh();
            engine.play(a, b, Seeds.derive(seed, "match/" + pair[0] + "/" + pair[1] + "/" + r));
            int slot = k * repetitions + r;
            out.scoreA[slot] = engine.scoreA();
            out.scoreB[slot] = engine.scoreB();
            out.turns[slot] = engine.turns();
            out.cooperationsA[slot] = engine.cooperationsA();
            out.cooperationsB[slot] = engine.cooperationsB();
        }
    }

    private TournamentResult combine(List<int[]> pairs, Totals m) {
        int n = players.size();
        double[][] score = new double[n][n]; // summed match scores of i against j over repetitions
        double[][] turns = new double[n][n];
        long[] moves = new long[n];
        long[] cooperations = new long[n];
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.get(k)[0];
            int j = pairs.get(k)[1];
            for (int r = 0; r < repetitions; r++) {
                int s = k * repetitions + r;
                if (i == j) {
                    // a player against its twin: its score is the mean of the two sides (Axelrod 1980 scores self-play once)
                    score[i][i] += (m.scoreA[s] + m.scoreB[s]) / 2;
                    turns[i][i] += m.turns[s];
                    moves[i] += 2L * m.turns[s];
                    cooperations[i] += m.cooperationsA[s] + m.cooperationsB[s];
                } else {
                    score[i][j] += m.scoreA[s];
                    score[j][i] += m.scoreB[s];
                    turns[i][j] += m.turns[s];
                    turns[j][i] += m.turns[s];
                    moves[i] += m.turns[s];
                    moves[j] += m.turns[s];
                    cooperations[i] += m.cooperationsA[s];
                    cooperations[j] += m.cooperationsB[s];
                }
            }
        }
        List<String> names = players.stream().map(Strategy::name).toList();
        double[][] meanPayoff = new double[n][n];
        double[][] matchScore = new double[n][n];
        double[] meanMatchScore = new double[n];
        double[] cooperationRate = new double[n];
        for (int i = 0; i < n; i++) {
            int opponents = 0;
            for (int j = 0; j < n; j++) {
                if (turns[i][j] == 0) {
                    meanPayoff[i][j] = Double.NaN;
                    matchScore[i][j] = Double.NaN;
                    continue;
                }
                meanPayoff[i][j] = score[i][j] / turns[i][j];
                matchScore[i][j] = score[i][j] / repetitions;
                meanMatchScore[i] += matchScore[i][j];
                opponents++;
            }
            meanMatchScore[i] /= opponents;
            cooperationRate[i] = (double) cooperations[i] / moves[i];
        }
        return TournamentResult.of(names, repetitions, meanPayoff, matchScore, meanMatchScore, cooperationRate);
    }
}
