package org.alignlab.games.tournament;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignlab.core.Seeds;
import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.Match;
import org.alignlab.games.iterated.MatchResult;
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
        List<int[]> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = selfPlay ? i : i + 1; j < n; j++) {
                for (int r = 0; r < repetitions; r++) jobs.add(new int[] {i, j, r});
            }
        }
        MatchResult[] results = new MatchResult[jobs.size()];
        if (threads == 1) {
            for (int k = 0; k < results.length; k++) results[k] = play(jobs.get(k));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<MatchResult>> futures = new ArrayList<>();
                for (int[] job : jobs) futures.add(pool.submit(() -> play(job)));
                for (int k = 0; k < results.length; k++) results[k] = futures.get(k).get();
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
        return combine(jobs, results);
    }

    private MatchResult play(int[] job) {
        Strategy a = players.get(job[0]).fresh();
        Strategy b = players.get(job[1]).fresh();
        return Match.play(a, b, match, Seeds.derive(seed, "match/" + job[0] + "/" + job[1] + "/" + job[2]));
    }

    private TournamentResult combine(List<int[]> jobs, MatchResult[] results) {
        int n = players.size();
        double[][] score = new double[n][n]; // summed match scores of i against j over repetitions
        double[][] turns = new double[n][n];
        long[] moves = new long[n];
        long[] cooperations = new long[n];
        for (int k = 0; k < results.length; k++) {
            int i = jobs.get(k)[0];
            int j = jobs.get(k)[1];
            MatchResult m = results[k];
            if (i == j) {
                // a player against its twin: its score is the mean of the two sides (Axelrod 1980 scores self-play once)
                score[i][i] += (m.scoreA() + m.scoreB()) / 2;
                turns[i][i] += m.turns();
                moves[i] += 2L * m.turns();
                cooperations[i] += m.cooperationsA() + m.cooperationsB();
            } else {
                score[i][j] += m.scoreA();
                score[j][i] += m.scoreB();
                turns[i][j] += m.turns();
                turns[j][i] += m.turns();
                moves[i] += m.turns();
                moves[j] += m.turns();
                cooperations[i] += m.cooperationsA();
                cooperations[j] += m.cooperationsB();
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
