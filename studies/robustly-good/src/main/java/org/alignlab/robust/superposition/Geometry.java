package org.alignlab.robust.superposition;

import java.util.Arrays;

/**
 * What a trained toy model's W says about superposition (Elhage et al. 2022). {@code w} holds the feature directions
 * W_i as rows (n × m).
 */
public final class Geometry {
    /** ‖W_i‖ above which a feature counts as represented (represented ≈ 1, not represented ≈ 0). */
    public static final double REPRESENTED = 0.5;

    /**
     * The sticky dimensionalities of "Why these geometric structures?": 1 (a dedicated dimension), ¾ (tetrahedron),
     * ⅔ (triangle), ½ (antipodal pair), ⅖ (pentagon), ⅜ (square antiprism).
     */
    public static final double[] STICKY_FRACTIONS = {1.0, 3.0 / 4, 2.0 / 3, 1.0 / 2, 2.0 / 5, 3.0 / 8};

    private Geometry() {}

    /** ‖W_i‖ for every feature. */
    public static double[] norms(double[][] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) out[i] = Math.sqrt(dot(w[i], w[i]));
        return out;
    }

    /** How many features have ‖W_i‖ &gt; {@link #REPRESENTED}. */
    public static int represented(double[][] w) {
        int c = 0;
        for (double x : norms(w)) if (x > REPRESENTED) c++;
        return c;
    }

    /**
     * Feature dimensionality ("Feature Dimensionality"): D_i = ‖W_i‖² / Σ_j (Ŵ_i · W_j)², computed as
     * ‖W_i‖⁴ / Σ_j (W_i · W_j)² (the same for W_i ≠ 0); 0 for a zero W_i. The sum includes j = i.
     */
    public static double[] dimensionality(double[][] w) {
        int n = w.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sq = dot(w[i], w[i]);
            if (sq == 0) continue;
            double denom = 0;
            for (int j = 0; j < n; j++) {
                double d = dot(w[i], w[j]);
                denom += d * d;
            }
            out[i] = sq * sq / denom;
        }
        return out;
    }

    /** Dimensions per feature ("Uniform Superposition"): D* = m / ‖W‖_F². */
    public static double dimensionsPerFeature(double[][] w) {
        double f = 0;
        for (double[] row : w) f += dot(row, row);
        return w[0].length / f;
    }

    /** The matrix WᵀW (n × n): entry (i, j) = W_i · W_j. */
    public static double[][] gram(double[][] w) {
        int n = w.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) g[i][j] = dot(w[i], w[j]);
        return g;
    }

    /** The largest |cos| between two of the first {@code k} features (0 when k &lt; 2). */
    public static double maxAbsCosine(double[][] w, int k) {
        double worst = 0;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++) worst = Math.max(worst, Math.abs(cosine(w[i], w[j])));
        return worst;
    }

    /** The smallest cosine between two represented features (+1 when fewer than two are represented). */
    public static double minCosineRepresented(double[][] w) {
        double[] norm = norms(w);
        double best = 1;
        for (int i = 0; i < w.length; i++)
            for (int j = i + 1; j < w.length; j++)
                if (norm[i] > REPRESENTED && norm[j] > REPRESENTED) best = Math.min(best, cosine(w[i], w[j]));
        return best;
    }

    /**
     * For m = 2: the angles (degrees) between consecutive feature directions around the circle, sorted by angle;
     * they sum to 360.
     */
    public static double[] angleGaps(double[][] w) {
        if (w[0].length != 2) throw new IllegalArgumentException("angle gaps need m = 2, got m = " + w[0].length);
        int n = w.length;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = Math.toDegrees(Math.atan2(w[i][1], w[i][0]));
        Arrays.sort(a);
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) gaps[i] = i + 1 < n ? a[i + 1] - a[i] : a[0] + 360 - a[n - 1];
        return gaps;
    }

    /** Distance from {@code d} to the nearest of {@link #STICKY_FRACTIONS}. */
    public static double distanceToSticky(double d) {
        double best = Double.POSITIVE_INFINITY;
        for (double f : STICKY_FRACTIONS) best = Math.min(best, Math.abs(d - f));
        return best;
    }

    static double cosine(double[] a, double[] b) {
        double na = Math.sqrt(dot(a, a)), nb = Math.sqrt(dot(b, b));
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
