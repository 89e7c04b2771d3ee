package org.alignlab.robust.grokking;

import org.alignlab.core.UsageException;

/**
 * The real Fourier basis of functions on Z_p, p odd (Nanda et al. 2023, Sect. 3.1 and Fig. 3): the constant
 * 1/sqrt(p), then for each frequency k = 1..(p-1)/2 the pair cos(2 pi k x / p) and sin(2 pi k x / p), each scaled
 * to unit norm (by sqrt(2/p)). Row {@code 0} is the constant, row {@code 2k-1} is cos k, row {@code 2k} is sin k; the
 * p rows form an orthonormal basis of R^p.
 *
 * <p>Over pairs (a, b) (index {@code a * p + b}), the directions cos(w_k (a + b)) and sin(w_k (a + b)) with
 * w_k = 2 pi k / p, scaled by sqrt(2)/p, are orthonormal in R^(p^2) across k and between cos and sin: these are the
 * directions the paper's restricted and excluded losses keep or remove (Sect. 5.1).
 */
public final class FourierBasis {
    private final int p;
    private final double[][] rows;

    private FourierBasis(int p) {
        this.p = p;
        rows = new double[p][p];
        double c0 = 1 / Math.sqrt(p), ck = Math.sqrt(2.0 / p);
        for (int x = 0; x < p; x++) rows[0][x] = c0;
        for (int k = 1; k <= frequencies(); k++) {
            for (int x = 0; x < p; x++) {
                double angle = 2 * Math.PI * ((long) k * x % p) / p;
                rows[2 * k - 1][x] = ck * Math.cos(angle);
                rows[2 * k][x] = ck * Math.sin(angle);
            }
        }
    }

    /** The basis for Z_p; p must be odd and at least 3. */
    public static FourierBasis of(int p) {
        if (p < 3 || p % 2 == 0) throw new UsageException("the Fourier basis needs an odd p >= 3, got " + p);
        return new FourierBasis(p);
    }

    public int p() {
        return p;
    }

    /** Number of non-constant frequencies, (p - 1) / 2. */
    public int frequencies() {
        return (p - 1) / 2;
    }

    /** Basis vector {@code i} (see the class comment for the order); a copy. */
    public double[] row(int i) {
        return rows[i].clone();
    }

    /**
     * Norm of the component of each frequency in a matrix W whose first p rows are indexed by x in Z_p (e.g. the
     * number tokens of W_E, row-major with {@code cols} columns): entry 0 is the constant component, entry k the
     * root of |cos_k^T W|^2 + |sin_k^T W|^2. Squares of the entries sum to |W[0..p)|_F^2 (the basis is orthonormal).
     */
    public double[] frequencyNorms(float[] w, int cols) {
        if (w.length < (long) p * cols)
            throw new IllegalArgumentException(w.length + " values cannot hold " + p + " rows of " + cols);
        double[] sq = new double[frequencies() + 1];
        for (int i = 0; i < p; i++) {
            double[] r = rows[i];
            int f = (i + 1) / 2;
            for (int c = 0; c < cols; c++) {
                double dot = 0;
                for (int x = 0; x < p; x++) dot += r[x] * w[x * cols + c];
                sq[f] += dot * dot;
            }
        }
        for (int f = 0; f < sq.length; f++) sq[f] = Math.sqrt(sq[f]);
        return sq;
    }

    /**
     * The unit vector over pairs (a, b), index a * p + b: cos(w_k (a + b)) ({@code cos}) or sin(w_k (a + b)), scaled
     * by sqrt(2)/p, for k = 1..(p-1)/2.
     */
    public double[] sumDirection(int k, boolean cos) {
        if (k < 1 || k > frequencies()) throw new IllegalArgumentException("frequency " + k + " outside 1.." + frequencies());
        double[] v = new double[p * p];
        double scale = Math.sqrt(2.0) / p;
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++) {
                double angle = 2 * Math.PI * ((long) k * (a + b) % p) / p;
                v[a * p + b] = scale * (cos ? Math.cos(angle) : Math.sin(angle));
            }
        return v;
    }
}
