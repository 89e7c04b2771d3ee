package org.alignlab.games.iterated.strategies;

import org.alignlab.games.iterated.History;
import org.hipparchus.special.Erf;

/** The chi-squared test that some first-tournament entries used to ask whether the opponent plays at random. */
final class Randomness {
    private Randomness() {}

    /**
     * Whether the opponent's cooperation and defection counts are consistent with a fair coin at level {@code alpha}:
     * Pearson's statistic with one degree of freedom, p = erfc(√(χ²/2)).
     */
    static boolean looksRandom(History h, double alpha) {
        int n = h.turns();
        if (n == 0) return false;
        double e = n / 2.0;
        double c = h.theirCooperations() - e;
        double d = h.theirDefections() - e;
        double chi2 = (c * c + d * d) / e;
        return Erf.erfc(Math.sqrt(chi2 / 2)) >= alpha;
    }
}
