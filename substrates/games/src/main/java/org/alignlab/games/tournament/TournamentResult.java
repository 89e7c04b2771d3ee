package org.alignlab.games.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a round robin. {@code meanPayoff[i][j]} is i's mean payoff per turn against j;
 * {@code matchScore[i][j]} is i's total score in a match against j, averaged over repetitions;
 * {@code meanMatchScore[i]} is the mean of row i over all opponents met (Axelrod 1980's "average score", 504 for Tit for
 * Tat in the original); {@code ranking} lists player indices from best to worst mean match score (ties by index);
 * {@code cooperationRate[i]} is the share of i's moves that were C.
 */
public record TournamentResult(List<String> names, int repetitions, double[][] meanPayoff, double[][] matchScore,
        double[] meanMatchScore, double[] cooperationRate, List<Integer> ranking) {

    static TournamentResult of(List<String> names, int repetitions, double[][] meanPayoff, double[][] matchScore,
            double[] meanMatchScore, double[] cooperationRate) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -meanMatchScore[i]).thenComparingInt(i -> i));
        return new TournamentResult(List.copyOf(names), repetitions, meanPayoff, matchScore, meanMatchScore, cooperationRate, List.copyOf(order));
    }

    /** The 1-based rank of player {@code i}. */
    public int rank(int i) {
        return ranking.indexOf(i) + 1;
    }

    /** Player names from best to worst. */
    public List<String> rankedNames() {
        return ranking.stream().map(names::get).toList();
    }
}
