package org.alignlab.robust.grokking;

/**
 * The progress measures of Nanda et al. 2023 (Sect. 5.1) on a model's logits over all p^2 pairs (a, b).
 *
 * <p>Logits L are a matrix with one row per pair (index a * p + b) and one column per output token. For each key
 * frequency k the paper's circuit writes its answer along cos(w_k (a + b)) and sin(w_k (a + b)) over the pairs; P_K L
 * is the projection of every column of L onto those directions ({@link FourierBasis#sumDirection}).
 * <ul>
 *   <li>restricted logits: mean over pairs of L, plus P_K L: every other direction over (a, b) is removed;</li>
 *   <li>excluded logits: L - P_K L: only the key frequencies' directions are removed.</li>
 * </ul>
 * The paper's code does the same projection on the MLP activations and multiplies by W_out W_U afterwards; since the
 * projection acts on the pair axis it commutes with those maps, and applying it to the logits also removes the
 * non-key parts of the (small) paths that skip the MLP.
 */
public final class ProgressMeasures {
    private ProgressMeasures() {}

    /** P_K L (rows = p^2 pairs, {@code cols} columns, row-major). */
    public static double[] keyProjection(double[] logits, int cols, FourierBasis basis, int[] keys) {
        int n = basis.p() * basis.p();
        if (logits.length != (long) n * cols)
            throw new IllegalArgumentException("expected " + n + " x " + cols + " logits, got " + logits.length);
        double[] out = new double[logits.length];
        double[] coef = new double[cols];
        for (int k : keys) {
            for (boolean cos : new boolean[] {true, false}) {
                double[] u = basis.sumDirection(k, cos);
                java.util.Arrays.fill(coef, 0);
                for (int r = 0; r < n; r++) {
                    double ur = u[r];
                    int off = r * cols;
                    for (int c = 0; c < cols; c++) coef[c] += ur * logits[off + c];
                }
                for (int r = 0; r < n; r++) {
                    double ur = u[r];
                    int off = r * cols;
                    for (int c = 0; c < cols; c++) out[off + c] += ur * coef[c];
                }
            }
        }
        return out;
    }

    /** Restricted logits: the column means of L plus P_K L. */
    public static double[] restricted(double[] logits, int cols, FourierBasis basis, int[] keys) {
        double[] out = keyProjection(logits, cols, basis, keys);
        int n = logits.length / cols;
        double[] mean = new double[cols];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < cols; c++) mean[c] += logits[r * cols + c];
        for (int c = 0; c < cols; c++) mean[c] /= n;
        for (int r = 0; r < n; r++)
            for (int c = 0; c < cols; c++) out[r * cols + c] += mean[c];
        return out;
    }

    /** Excluded logits: L - P_K L. */
    public static double[] excluded(double[] logits, int cols, FourierBasis basis, int[] keys) {
        double[] out = keyProjection(logits, cols, basis, keys);
        for (int i = 0; i < out.length; i++) out[i] = logits[i] - out[i];
        return out;
    }

    /** Mean cross-entropy (natural log) of the given rows of row-major logits against their labels, in double. */
    public static double crossEntropy(double[] logits, int cols, int[] rows, int[] labels) {
        double sum = 0;
        for (int r : rows) {
            int off = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) max = Math.max(max, logits[off + c]);
            double z = 0;
            for (int c = 0; c < cols; c++) z += Math.exp(logits[off + c] - max);
            sum += max + Math.log(z) - logits[off + labels[r]];
        }
        return sum / rows.length;
    }

    /** Fraction of the given rows whose largest logit is the label (first index wins ties). */
    public static double accuracy(double[] logits, int cols, int[] rows, int[] labels) {
        int hits = 0;
        for (int r : rows) {
            int off = r * cols, best = 0;
            for (int c = 1; c < cols; c++) if (logits[off + c] > logits[off + best]) best = c;
            if (best == labels[r]) hits++;
        }
        return (double) hits / rows.length;
    }
}
