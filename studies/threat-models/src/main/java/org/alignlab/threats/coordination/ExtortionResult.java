package org.alignlab.threats.coordination;

import java.util.List;

/**
 * Zero-determinant extortioners (player X) against every strategy of the library (player Y), one long match each.
 *
 * @param chis             the extortion factors χ
 * @param phis             φ of each extortioner (Press and Dyson 2012, Eq. 12 scaling)
 * @param opponents        the opponents' names (the library, then the extortioner's own twin)
 * @param scoreX           scoreX[c][o]: X's mean payoff per turn, extortioner c against opponent o
 * @param scoreY           scoreY[c][o]: the opponent's mean payoff per turn
 * @param deviation        |(s_X − P) − χ (s_Y − P)| of each match
 * @param bound            bound[c]: five standard errors of that deviation for a match of {@code turns} turns
 * @param maxDeviation     the largest deviation over all matches
 * @param maxDeviationRatio the largest deviation / bound over all matches (≤ 1: within simulation precision)
 * @param cooperatorExact  cooperatorExact[c]: the exact long-run payoff of unconditional cooperation against X
 * @param bestReplyMargin  over all χ and opponents, the largest (s_Y − s_Y(Cooperator)) / (5 standard errors); ≤ 1
 *                         means no library strategy beats full cooperation against the extortioner
 * @param bestOther        bestOther[c]: the opponent other than Cooperator that scores most against X
 * @param turns            turns per match
 */
public record ExtortionResult(double[] chis, double[] phis, List<String> opponents, double[][] scoreX,
                              double[][] scoreY, double[][] deviation, double[] bound, double maxDeviation,
                              double maxDeviationRatio, double[] cooperatorExact, double bestReplyMargin,
                              List<String> bestOther, int turns) {
    public ExtortionResult {
        opponents = List.copyOf(opponents);
        bestOther = List.copyOf(bestOther);
    }

    /** Index of the opponent named {@code name}. */
    public int opponent(String name) {
        return opponents.indexOf(name);
    }

    /** One line per match: χ, opponent, s_X, s_Y, deviation, bound. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%-5s %-24s %8s %8s %10s %8s%n",
                "chi", "opponent", "s_X", "s_Y", "deviation", "bound"));
        for (int c = 0; c < chis.length; c++) {
            for (int o = 0; o < opponents.size(); o++) {
                sb.append(String.format(java.util.Locale.ROOT, "%-5s %-24s %8.4f %8.4f %10.5f %8.5f%n", chis[c],
                        opponents.get(o), scoreX[c][o], scoreY[c][o], deviation[c][o], bound[c]));
            }
        }
        return sb.toString();
    }
}
