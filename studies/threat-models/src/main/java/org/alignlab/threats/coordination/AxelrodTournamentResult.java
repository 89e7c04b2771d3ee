package org.alignlab.threats.coordination;

import java.util.List;

/**
 * Axelrod's first tournament replayed, averaged over {@code tournaments} independent round robins.
 *
 * @param names            the 15 entries in the published order of finish (Axelrod 1980, Table 1)
 * @param publishedScore   each entry's published average score (Table 1), same order
 * @param meanScore        each entry's average score here (mean match score over opponents, averaged over tournaments)
 * @param meanRank         each entry's mean rank (1 = first) over the tournaments
 * @param ranking          the entries from best to worst by {@code meanScore}
 * @param meanPayoff       meanPayoff[i][j]: i's mean payoff per turn against j, averaged over tournaments
 * @param tournaments      how many round robins were played
 * @param titForTatRank    Tit for Tat's rank by {@code meanScore}
 * @param titForTatWinShare share of tournaments that Tit for Tat won outright
 * @param spearman         Spearman's rank correlation of each tournament's ranking with the published one, averaged
 * @param kendall          Kendall's tau of each tournament's ranking with the published one, averaged
 * @param spearmanOfMeans  Spearman's rank correlation of the ranking by {@code meanScore} with the published one
 * @param niceInTopEight   how many of the published top eight (all nice rules) finish in the top eight, averaged
 */
public record AxelrodTournamentResult(List<String> names, double[] publishedScore, double[] meanScore,
                                      double[] meanRank, List<String> ranking, double[][] meanPayoff,
                                      int tournaments, int titForTatRank, double titForTatWinShare, double spearman,
                                      double kendall, double spearmanOfMeans, double niceInTopEight) {
    public AxelrodTournamentResult {
        names = List.copyOf(names);
        ranking = List.copyOf(ranking);
        publishedScore = publishedScore.clone();
        meanScore = meanScore.clone();
        meanRank = meanRank.clone();
        double[][] m = new double[meanPayoff.length][];
        for (int i = 0; i < m.length; i++) m[i] = meanPayoff[i].clone();
        meanPayoff = m;
    }

    /** The ranking beside the published scores, one line per entry, best first. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%-4s %-24s %9s %9s %9s %9s%n",
                "rank", "entry", "score", "published", "pub.rank", "mean rank"));
        for (int k = 0; k < ranking.size(); k++) {
            int i = names.indexOf(ranking.get(k));
            sb.append(String.format(java.util.Locale.ROOT, "%-4d %-24s %9.1f %9.1f %9d %9.2f%n", k + 1, names.get(i),
                    meanScore[i], publishedScore[i], i + 1, meanRank[i]));
        }
        return sb.toString();
    }
}
