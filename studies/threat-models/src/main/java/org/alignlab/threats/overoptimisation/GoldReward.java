package org.alignlab.threats.overoptimisation;

import java.util.Arrays;

/**
 * The synthetic gold reward: outputs are x ∈ R^k, drawn x ~ N(0, I) by the base policy, and each feature helps up to a
 * point and then hurts ("too much of a good thing"):
 *
 * <pre>  g(x) = (Σ_j h_j(x_j) − μ) / σ,   h_j(u) = u − u⁴ / (4 c_j³)</pre>
 *
 * <p>h_j rises until u = c_j (its bend, in standard deviations of the base policy) and falls steeply beyond it.
 * μ and σ are the exact mean and standard deviation of Σ h_j under N(0, I) (E[u⁴] = 3, E[u⁸] = 105, so
 * Var h_j = 1 + 96/q_j² with q_j = 4c_j³), so that g has mean 0 and standard deviation 1 under the base policy:
 * rewards are read in gold standard deviations.
 *
 * <p>The proxy reward model ({@link QuadraticRewardModel}) can represent the rise and a quadratic bend but not the
 * quartic fall: in the bulk of the base distribution, where its comparisons come from, it can be accurate; in the
 * tails, where strong optimisation goes, it is not (extremal Goodhart).
 */
public record GoldReward(double[] bends) {

    public GoldReward {
        if (bends == null || bends.length == 0) throw new IllegalArgumentException("the gold reward needs a feature");
        bends = bends.clone();
        for (double c : bends) {
            if (!(c > 0) || !Double.isFinite(c)) throw new IllegalArgumentException("bends must be positive: " + c);
        }
    }

    /** k features with bends evenly spaced from {@code min} to {@code max} (both included). */
    public static GoldReward evenlySpaced(int features, double min, double max) {
        if (features < 1) throw new IllegalArgumentException("features must be at least 1");
        double[] c = new double[features];
        for (int j = 0; j < features; j++) {
            c[j] = features == 1 ? min : min + (max - min) * j / (features - 1);
        }
        return new GoldReward(c);
    }

    @Override
    public double[] bends() {
        return bends.clone();
    }

    public int dimension() {
        return bends.length;
    }

    /** The unnormalised sum Σ_j h_j(x_j). */
    public double raw(double[] x) {
        double s = 0;
        for (int j = 0; j < bends.length; j++) {
            double u = x[j];
            double u2 = u * u;
            s += u - u2 * u2 / (4 * bends[j] * bends[j] * bends[j]);
        }
        return s;
    }

    /** E[Σ h_j] under N(0, I): −Σ 3/(4c_j³). */
    public double rawMean() {
        double m = 0;
        for (double c : bends) m -= 3 / (4 * c * c * c);
        return m;
    }

    /** The standard deviation of Σ h_j under N(0, I): √Σ (1 + 96/(4c_j³)²). */
    public double rawSd() {
        double v = 0;
        for (double c : bends) {
            double q = 4 * c * c * c;
            v += 1 + 96 / (q * q);
        }
        return Math.sqrt(v);
    }

    /** g(x): mean 0 and standard deviation 1 under the base policy. */
    public double value(double[] x) {
        return (raw(x) - rawMean()) / rawSd();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoldReward g && Arrays.equals(bends, g.bends);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bends);
    }

    @Override
    public String toString() {
        return "GoldReward" + Arrays.toString(bends);
    }
}
