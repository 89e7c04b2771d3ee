package org.alignlab.games.normal;

import org.alignlab.core.UsageException;

/**
 * One Nash equilibrium of a bimatrix game by the Lemke–Howson algorithm (Lemke and Howson 1964; presentation of
 * von Stengel 2007, in Nisan et al., Algorithmic Game Theory, §3.4): complementary pivoting on the best-response
 * polytopes P = {x ≥ 0 : Bᵀx ≤ 1} and Q = {y ≥ 0 : Ay ≤ 1} (payoffs shifted to be positive) from the artificial
 * equilibrium (0, 0), after dropping one label. Labels 0..m-1 are the row player's actions, m..m+n-1 the column
 * player's. For a nondegenerate game the path ends at an equilibrium for every starting label.
 */
public final class LemkeHowson {
    private static final double EPS = 1e-12;

    private LemkeHowson() {}

    /** The equilibrium reached by dropping label {@code label} (0 ≤ label < rows + columns). */
    public static MixedEquilibrium solve(BimatrixGame g, int label) {
        int m = g.rows();
        int n = g.columns();
        if (label < 0 || label >= m + n) {
            throw new UsageException("Lemke–Howson label must be in 0.." + (m + n - 1) + " for a " + m + "×" + n + " game, got " + label);
        }
        double[][] a = g.rowMatrix();
        double[][] b = g.columnMatrix();
        double shift = 1 - Math.min(min(a), min(b)); // makes every payoff ≥ 1 so both polytopes are bounded
        // Tableau P: rows are B's columns (constraints j), variables x_i (id i) and slacks s_j (id m+j); id = label.
        double[][] tp = new double[n][m + n + 1];
        int[] basisP = new int[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) tp[j][i] = b[i][j] + shift;
            tp[j][m + j] = 1;
            tp[j][m + n] = 1;
            basisP[j] = m + j;
        }
        // Tableau Q: rows are A's rows (constraints i), variables slacks r_i (id i) and y_j (id m+j).
        double[][] tq = new double[m][m + n + 1];
        int[] basisQ = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) tq[i][m + j] = a[i][j] + shift;
            tq[i][i] = 1;
            tq[i][m + n] = 1;
            basisQ[i] = i;
        }
        int entering = label;
        boolean inP = label < m;
        int maxPivots = 10_000 + 100 * (m + n) * (m + n);
        for (int it = 0; it < maxPivots; it++) {
            int leaving = inP ? pivot(tp, basisP, entering) : pivot(tq, basisQ, entering);
            if (leaving == label) return equilibrium(g, tp, basisP, tq, basisQ, m, n);
            entering = leaving;
            inP = !inP;
        }
        throw new UsageException("Lemke–Howson did not finish in " + maxPivots + " pivots on game " + g.name() + "; the game is probably degenerate");
    }

    private static double min(double[][] t) {
        double v = Double.POSITIVE_INFINITY;
        for (double[] r : t) for (double d : r) v = Math.min(v, d);
        return v;
    }

    /** Brings {@code entering} into the basis by the minimum-ratio test; returns the variable that left. */
    private static int pivot(double[][] t, int[] basis, int entering) {
        int rhs = t[0].length - 1;
        int row = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < t.length; r++) {
            double c = t[r][entering];
            if (c > EPS) {
                double ratio = t[r][rhs] / c;
                if (ratio < best - 1e-15) {
                    best = ratio;
                    row = r;
                }
            }
        }
        if (row < 0) throw new IllegalStateException("unbounded Lemke–Howson pivot: payoffs were not shifted positive");
        double p = t[row][entering];
        for (int q = 0; q <= rhs; q++) t[row][q] /= p;
        for (int r = 0; r < t.length; r++) {
            if (r == row) continue;
            double f = t[r][entering];
            if (f == 0) continue;
            for (int q = 0; q <= rhs; q++) t[r][q] -= f * t[row][q];
            t[r][entering] = 0;
        }
        int left = basis[row];
        basis[row] = entering;
        return left;
    }

    private static MixedEquilibrium equilibrium(BimatrixGame g, double[][] tp, int[] basisP, double[][] tq, int[] basisQ, int m, int n) {
        double[] x = new double[m];
        double[] y = new double[n];
        for (int r = 0; r < basisP.length; r++) if (basisP[r] < m) x[basisP[r]] = Math.max(0, tp[r][m + n]);
        for (int r = 0; r < basisQ.length; r++) if (basisQ[r] >= m) y[basisQ[r] - m] = Math.max(0, tq[r][m + n]);
        normalise(x);
        normalise(y);
        return new MixedEquilibrium(x, y, g.rowPayoff(x, y), g.columnPayoff(x, y));
    }

    private static void normalise(double[] p) {
        double s = 0;
        for (double v : p) s += v;
        for (int i = 0; i < p.length; i++) p[i] /= s;
    }
}
