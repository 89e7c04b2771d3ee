package org.alignlab.threats.overoptimisation;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Fits a {@link QuadraticRewardModel} to comparisons by penalised maximum likelihood under the Bradley–Terry model
 * P(a ≻ b) = σ(w·(φ(a) − φ(b))): the loss
 *
 * <pre>  L(w) = Σ_i [softplus(z_i) − y_i z_i] + (ridge/2)·|w|²,   z_i = w·(φ(a_i) − φ(b_i))</pre>
 *
 * <p>is convex; Newton's method with backtracking finds its minimum (the reward-model loss of Gao et al. Sec. 2 is this
 * pairwise logistic loss; their models are transformers, ours is linear in φ).
 */
public final class BradleyTerry {
    private static final int MAX_ITERATIONS = 100;
    private static final double STEP_TOLERANCE = 1e-10;

    private BradleyTerry() {}

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** L(w) as defined above. */
    public static double loss(PreferenceData data, double[] w, double ridge) {
        double s = 0;
        double[][] x = data.featureDifferences();
        boolean[] y = data.firstPreferred();
        for (int i = 0; i < x.length; i++) {
            double z = dot(w, x[i]);
            s += softplus(z) - (y[i] ? z : 0);
        }
        return s + 0.5 * ridge * dot(w, w);
    }

    /** ∇L(w). */
    public static double[] gradient(PreferenceData data, double[] w, double ridge) {
        double[][] x = data.featureDifferences();
        boolean[] y = data.firstPreferred();
        double[] g = new double[w.length];
        for (int i = 0; i < x.length; i++) {
            double r = sigmoid(dot(w, x[i])) - (y[i] ? 1 : 0);
            for (int j = 0; j < w.length; j++) g[j] += r * x[i][j];
        }
        for (int j = 0; j < w.length; j++) g[j] += ridge * w[j];
        return g;
    }

    /** The minimiser of L; {@code ridge > 0} keeps it finite even when the comparisons are separable. */
    public static QuadraticRewardModel fit(PreferenceData data, double ridge) {
        if (!(ridge > 0)) throw new IllegalArgumentException("ridge must be positive");
        if (data.size() == 0) throw new IllegalArgumentException("no comparisons");
        int m = data.featureDifferences()[0].length;
        double[][] x = data.featureDifferences();
        double[] w = new double[m];
        double current = loss(data, w, ridge);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] g = gradient(data, w, ridge);
            double[][] h = new double[m][m];
            for (double[] xi : x) {
                double p = sigmoid(dot(w, xi));
                double s = p * (1 - p);
                for (int a = 0; a < m; a++) {
                    double sa = s * xi[a];
                    for (int b = a; b < m; b++) h[a][b] += sa * xi[b];
                }
            }
            for (int a = 0; a < m; a++) {
                h[a][a] += ridge;
                for (int b = 0; b < a; b++) h[a][b] = h[b][a];
            }
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-14, 1e-14)
                    .getSolver().solve(new ArrayRealVector(g, false));
            // Backtracking: Newton's step is taken whole near the optimum; far from it, halved until L falls.
            double t = 1;
            double[] next = new double[m];
            double nextLoss = Double.POSITIVE_INFINITY;
            for (int halvings = 0; halvings < 40; halvings++) {
                for (int j = 0; j < m; j++) next[j] = w[j] - t * step.getEntry(j);
                nextLoss = loss(data, next, ridge);
                if (nextLoss <= current) break;
                t /= 2;
            }
            if (!(nextLoss <= current)) break; // no descent left: at the optimum to rounding
            double moved = 0;
            for (int j = 0; j < m; j++) moved = Math.max(moved, Math.abs(next[j] - w[j]));
            System.arraycopy(next, 0, w, 0, m);
            current = nextLoss;
            if (moved < STEP_TOLERANCE) break;
        }
        return new QuadraticRewardModel(w);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
