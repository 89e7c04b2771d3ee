package org.alignlab.games.population;

import java.util.Locale;
import org.alignlab.core.UsageException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A memory-one strategy of the iterated Prisoner's Dilemma, p = (p_R, p_S, p_T, p_P): the probability of cooperating
 * after the last round paid R (both cooperated), S (I cooperated, you defected), T (I defected, you cooperated) or
 * P (both defected) (Nowak and Sigmund 1993, "A strategy of win-stay, lose-shift that outperforms tit-for-tat in the
 * Prisoner's Dilemma game", Nature 364). Tit for Tat is (1, 0, 1, 0), Win-Stay-Lose-Shift (Pavlov) (1, 0, 0, 1).
 *
 * <p>Between two such strategies with every p in (0, 1), the rounds form an ergodic Markov chain on the four outcomes,
 * and the long-run mean payoff is its stationary distribution times the payoffs (Nowak and Sigmund 1993; Nowak 2006,
 * Evolutionary Dynamics, ch. 5). That is what {@link #payoff} computes: the limit of an infinitely repeated game,
 * independent of the first move.
 */
public record MemoryOne(double pR, double pS, double pT, double pP) {
    public MemoryOne {
        for (double p : new double[] {pR, pS, pT, pP}) {
            if (!(p >= 0 && p <= 1)) {
                throw new UsageException(String.format(Locale.ROOT,
                        "a memory-one strategy's probabilities must lie in [0, 1] (got %s)", p));
            }
        }
    }

    public static final MemoryOne TIT_FOR_TAT = new MemoryOne(1, 0, 1, 0);
    public static final MemoryOne WIN_STAY_LOSE_SHIFT = new MemoryOne(1, 0, 0, 1);
    public static final MemoryOne ALWAYS_COOPERATE = new MemoryOne(1, 1, 1, 1);
    public static final MemoryOne ALWAYS_DEFECT = new MemoryOne(0, 0, 0, 0);
    public static final MemoryOne GRIM = new MemoryOne(1, 0, 0, 0);

    /** Generous Tit for Tat (Nowak and Sigmund 1992): forgives a defection with probability min(1 − (T − R)/(R − S), (R − P)/(T − P)). */
    public static MemoryOne generousTitForTat(double t, double r, double p, double s) {
        double g = Math.min(1 - (t - r) / (r - s), (r - p) / (t - p));
        return new MemoryOne(1, g, 1, g);
    }

    /** The probabilities as an array (R, S, T, P). */
    public double[] p() {
        return new double[] {pR, pS, pT, pP};
    }

    /** With implementation errors: an intended move is flipped with probability {@code eps}. */
    public MemoryOne withNoise(double eps) {
        if (!(eps >= 0 && eps <= 1)) throw new UsageException("noise must lie in [0, 1] (got " + eps + ")");
        return new MemoryOne(flip(pR, eps), flip(pS, eps), flip(pT, eps), flip(pP, eps));
    }

    private static double flip(double p, double eps) {
        return p * (1 - eps) + (1 - p) * eps;
    }

    /** Largest distance of one component from {@code other}'s. */
    public double distance(MemoryOne other) {
        return Math.max(Math.max(Math.abs(pR - other.pR), Math.abs(pS - other.pS)),
                Math.max(Math.abs(pT - other.pT), Math.abs(pP - other.pP)));
    }

    /**
     * Long-run mean payoff of {@code x} against {@code y} (the stationary distribution of the chain on the outcomes
     * CC, CD, DC, DD seen from x). Needs a unique stationary distribution: keep every probability strictly inside
     * (0, 1), e.g. by {@link #withNoise}.
     */
    public static double payoff(MemoryOne x, MemoryOne y, double t, double r, double p, double s) {
        double[] v = stationary(x, y);
        return v[0] * r + v[1] * s + v[2] * t + v[3] * p;
    }

    /** Stationary distribution over (CC, CD, DC, DD) from x's point of view. */
    public static double[] stationary(MemoryOne x, MemoryOne y) {
        double[] px = x.p();
        // y sees the outcome mirrored: x's CD is y's DC.
        double[] py = {y.pR, y.pT, y.pS, y.pP};
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        for (int from = 0; from < 4; from++) {
            double cx = px[from];
            double cy = py[from];
            double[] to = {cx * cy, cx * (1 - cy), (1 - cx) * cy, (1 - cx) * (1 - cy)};
            // Row of (M^T - I): v = v M  <=>  (M^T - I) v = 0.
            for (int k = 0; k < 4; k++) a.add(k, from, to[k]);
        }
        for (int k = 0; k < 4; k++) a.add(k, k, -1);
        // Replace the last equation by sum(v) = 1.
        for (int k = 0; k < 4; k++) a.set(3, k, 1);
        DMatrixRMaj b = new DMatrixRMaj(4, 1);
        b.set(3, 0, 1);
        DMatrixRMaj v = new DMatrixRMaj(4, 1);
        if (!CommonOps_DDRM.solve(a, b, v)) {
            throw new UsageException("the play of " + x + " against " + y + " has no unique long-run distribution; "
                    + "keep every probability strictly between 0 and 1 (add noise)");
        }
        return new double[] {v.get(0), v.get(1), v.get(2), v.get(3)};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "(%.3f, %.3f, %.3f, %.3f)", pR, pS, pT, pP);
    }
}
