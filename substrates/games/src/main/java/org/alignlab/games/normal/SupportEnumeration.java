package org.alignlab.games.normal;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.UsageException;

/**
 * All Nash equilibria of a nondegenerate bimatrix game by support enumeration (Nisan et al. 2007, Algorithmic Game
 * Theory, §3.3, Algorithm 3.4). In a nondegenerate game every equilibrium has supports of equal size k; for each pair
 * of k-supports (I, J) the indifference equations are solved, and the pair is kept when both mixes are strictly
 * positive on their supports and no action outside the support does better. Degenerate games may have equilibria
 * with unequal supports (or continua), which this method does not list.
 */
public final class SupportEnumeration {
    /** Beyond this many support pairs the enumeration is refused; use {@link LemkeHowson} instead. */
    public static final long MAX_SUPPORT_PAIRS = 5_000_000L;

    private static final double EPS = 1e-9;

    private SupportEnumeration() {}

    public static List<MixedEquilibrium> equilibria(BimatrixGame g) {
        int m = g.rows();
        int n = g.columns();
        long pairs = 0;
        for (int k = 1; k <= Math.min(m, n); k++) {
            pairs += binomial(m, k) * binomial(n, k);
            if (pairs > MAX_SUPPORT_PAIRS) {
                throw new UsageException("game " + g.name() + " (" + m + "×" + n + ") has more than " + MAX_SUPPORT_PAIRS
                        + " support pairs; use Lemke–Howson for one equilibrium");
            }
        }
        double[][] a = g.rowMatrix();
        double[][] b = g.columnMatrix();
        List<MixedEquilibrium> out = new ArrayList<>();
        for (int k = 1; k <= Math.min(m, n); k++) {
            for (int[] rowSupport : subsets(m, k)) {
                for (int[] colSupport : subsets(n, k)) {
                    // y makes the row player indifferent over I: sum_j A[i][j] y_j = u for i in I, sum y = 1.
                    double[] y = indifferent(a, rowSupport, colSupport, false);
                    if (y == null) continue;
                    double[] x = indifferent(b, rowSupport, colSupport, true);
                    if (x == null) continue;
                    double[] xf = new double[m];
                    double[] yf = new double[n];
                    for (int t = 0; t < k; t++) {
                        xf[rowSupport[t]] = x[t];
                        yf[colSupport[t]] = y[t];
                    }
                    if (g.regret(xf, yf) > 1e-7 * (1 + scale(a, b))) continue;
                    out.add(new MixedEquilibrium(xf, yf, g.rowPayoff(xf, yf), g.columnPayoff(xf, yf)));
                }
            }
        }
        return out;
    }

    private static double scale(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) s = Math.max(s, Math.max(Math.abs(a[i][j]), Math.abs(b[i][j])));
        }
        return s;
    }

    /**
     * The opponent's mix on its support that makes the player indifferent over its own support; null when the system
     * is singular or the mix is not strictly positive. With {@code transpose} the column player is made indifferent by
     * the row mix (payoffs {@code B[i][j]}, i in I the unknowns, j in J the equations).
     */
    private static double[] indifferent(double[][] m, int[] rowSupport, int[] colSupport, boolean transpose) {
        int k = rowSupport.length;
        double[][] sys = new double[k + 1][k + 2]; // unknowns: k probabilities and the value; last column the rhs
        for (int e = 0; e < k; e++) {
            for (int u = 0; u < k; u++) {
                sys[e][u] = transpose ? m[rowSupport[u]][colSupport[e]] : m[rowSupport[e]][colSupport[u]];
            }
            sys[e][k] = -1;
        }
        for (int u = 0; u < k; u++) sys[k][u] = 1;
        sys[k][k + 1] = 1;
        double[] sol = solve(sys);
        if (sol == null) return null;
        double[] p = new double[k];
        for (int u = 0; u < k; u++) {
            if (!(sol[u] > EPS)) return null;
            p[u] = sol[u];
        }
        return p;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix; null when (numerically) singular. */
    static double[] solve(double[][] aug) {
        int n = aug.length;
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(aug[r][c]) > Math.abs(aug[piv][c])) piv = r;
            if (Math.abs(aug[piv][c]) < 1e-12) return null;
            double[] t = aug[c];
            aug[c] = aug[piv];
            aug[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = aug[r][c] / aug[c][c];
                if (f == 0) continue;
                for (int q = c; q <= n; q++) aug[r][q] -= f * aug[c][q];
            }
        }
        double[] x = new double[n];
        for (int r = 0; r < n; r++) x[r] = aug[r][n] / aug[r][r];
        return x;
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    /** All k-subsets of {0..n-1} in lexicographic order. */
    static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] s = new int[k];
        for (int i = 0; i < k; i++) s[i] = i;
        while (true) {
            out.add(s.clone());
            int i = k - 1;
            while (i >= 0 && s[i] == n - k + i) i--;
            if (i < 0) return out;
            s[i]++;
            for (int j = i + 1; j < k; j++) s[j] = s[j - 1] + 1;
        }
    }
}
