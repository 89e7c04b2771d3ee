package org.alignlab.games.iterated;

/** The moves (as played) and totals of one match between players A and B. */
public record MatchResult(Action[] movesA, Action[] movesB, double scoreA, double scoreB, int cooperationsA, int cooperationsB) {
    public int turns() {
        return movesA.length;
    }

    public double meanScoreA() {
        return scoreA / turns();
    }

    public double meanScoreB() {
        return scoreB / turns();
    }
}
