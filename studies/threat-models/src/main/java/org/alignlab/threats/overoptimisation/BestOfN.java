package org.alignlab.threats.overoptimisation;

/**
 * Best-of-n sampling against a proxy, evaluated exactly over a pool of P samples from the base policy.
 *
 * <p>Draw n outputs and keep the one the proxy scores highest. Over a pool sorted by proxy score (ascending, ranks
 * i = 1..P), drawing n times with replacement picks rank i with probability w_i(n) = (i/P)^n − ((i−1)/P)^n, so
 * E_bon[f] = Σ_i w_i(n)·f_(i) exactly for the pool's empirical distribution: no Monte Carlo noise beyond the pool's
 * own, and every n of the grid from the same pool.
 *
 * <p>KL(π_bon ‖ π_0) = log n − (n−1)/n for a continuous base distribution (Gao et al. Sec. 2.2): the chosen output's
 * proxy quantile U is the maximum of n uniforms, density n·u^(n−1), so KL = log n + (n−1)·E[log U] with
 * E[log U] = −1/n. Over a finite pool it is {@link #poolKl}, slightly smaller.
 */
public final class BestOfN {
    // exp(n·log(i/P)) below this is zero for our purposes: the weights that are left sum to 1 − 1e-300·P.
    private static final double NEGLIGIBLE = 1e-300;

    private final int poolSize;
    private final double[] logRank; // log(i/P) for i = 1..P, at index i − 1

    public BestOfN(int poolSize) {
        if (poolSize < 1) throw new IllegalArgumentException("pool size must be at least 1");
        this.poolSize = poolSize;
        this.logRank = new double[poolSize];
        double logP = Math.log(poolSize);
        for (int i = 1; i <= poolSize; i++) logRank[i - 1] = Math.log(i) - logP;
    }

    public int poolSize() {
        return poolSize;
    }

    /** KL(π_bon ‖ π_0) = log n − (n−1)/n for a continuous base distribution (Gao et al. Sec. 2.2). */
    public static double kl(long n) {
        if (n < 1) throw new IllegalArgumentException("n must be at least 1");
        return Math.log(n) - (n - 1) / (double) n;
    }

    /** √KL: the paper's measure of distance d from the base policy. */
    public static double distance(long n) {
        return Math.sqrt(kl(n));
    }

    /**
     * E_bon[f] for each column: {@code sortedColumns[c][i]} is f_c at the pool's rank-(i+1) output in ascending proxy
     * order. Sums run from the top rank down, in a fixed order.
     */
    public double[] expectations(long n, double[]... sortedColumns) {
        if (n < 1) throw new IllegalArgumentException("n must be at least 1");
        for (double[] col : sortedColumns) {
            if (col.length != poolSize) throw new IllegalArgumentException("columns must have the pool's size");
        }
        double[] out = new double[sortedColumns.length];
        double upper = 1; // (i/P)^n at i = P
        for (int i = poolSize; i >= 1; i--) {
            double lower = i == 1 ? 0 : Math.exp(n * logRank[i - 2]);
            double w = upper - lower;
            for (int c = 0; c < sortedColumns.length; c++) out[c] += w * sortedColumns[c][i - 1];
            if (lower < NEGLIGIBLE) break;
            upper = lower;
        }
        return out;
    }

    /** KL of best-of-n over the pool itself (a discrete base distribution, uniform on P points): Σ w_i log(P w_i). */
    public double poolKl(long n) {
        double kl = 0;
        double upper = 1;
        for (int i = poolSize; i >= 1; i--) {
            double lower = i == 1 ? 0 : Math.exp(n * logRank[i - 2]);
            double w = upper - lower;
            if (w > 0) kl += w * Math.log(poolSize * w);
            if (lower < NEGLIGIBLE) break;
            upper = lower;
        }
        return kl;
    }

    /** n = round(2^(j/stepsPerOctave)) for j = 0..maxLog2·stepsPerOctave, duplicates removed: 1, 2, 3, 4, 6, 8, … */
    public static int[] grid(int maxLog2, int stepsPerOctave) {
        if (maxLog2 < 1 || maxLog2 > 30) throw new IllegalArgumentException("maxLog2 must be in [1, 30]");
        if (stepsPerOctave < 1) throw new IllegalArgumentException("stepsPerOctave must be at least 1");
        int steps = maxLog2 * stepsPerOctave;
        int[] tmp = new int[steps + 1];
        int count = 0;
        for (int j = 0; j <= steps; j++) {
            int n = (int) Math.round(Math.pow(2, j / (double) stepsPerOctave));
            if (j == steps) n = 1 << maxLog2;
            if (count == 0 || n > tmp[count - 1]) tmp[count++] = n;
        }
        int[] out = new int[count];
        System.arraycopy(tmp, 0, out, 0, count);
        return out;
    }
}
