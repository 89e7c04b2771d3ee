package org.alignlab.threats.overoptimisation;

/**
 * The policy-optimisation analogue: over a pool of P outputs with the uniform base policy π_0, the policy that
 * maximises E_π[r] − λ·KL(π ‖ π_0) is the exponential tilt π_λ(i) ∝ exp(r_i / λ) (the optimum of KL-penalised RL,
 * Korbak, Perez and Buckley 2022). As λ falls from ∞ to 0 it moves from π_0 to the proxy's argmax, tracing the
 * gold-against-KL curve of the KL-penalised optima (Gao et al. Fig. 9: in their runs the KL penalty acted like early
 * stopping, changing where a run ends on the gold-KL frontier rather than the frontier). Natural policy gradient on
 * softmax logits follows the same path, and exact gradient ascent at a fixed λ converges to π_λ (checked in the
 * tests).
 *
 * <p>Writing b = 1/λ: KL(b) = b·E_b[r] − log mean_i exp(b·r_i), and dKL/db = b·Var_b(r) ≥ 0, so each target KL
 * below log P has one b, found by {@link #solve}.
 */
public final class KlRegularisedPolicy {
    // Terms with b·(r_i − max r) below this contribute under e^-46 ≈ 1e-20 relative to the top one.
    private static final double CUTOFF = -46;

    private final double[] rewardsDescending;
    private final double max;
    private final double sd;

    /**
     * @param rewardsDescending the proxy scores r_i of the pool, largest first (the order {@link #expectations} reads
     *                          other columns in)
     */
    public KlRegularisedPolicy(double[] rewardsDescending) {
        if (rewardsDescending.length < 2) throw new IllegalArgumentException("the pool needs two outputs");
        for (int i = 1; i < rewardsDescending.length; i++) {
            if (rewardsDescending[i] > rewardsDescending[i - 1]) {
                throw new IllegalArgumentException("rewards must be sorted largest first");
            }
        }
        this.rewardsDescending = rewardsDescending.clone();
        this.max = rewardsDescending[0];
        double mean = 0;
        for (double r : rewardsDescending) mean += r;
        mean /= rewardsDescending.length;
        double ss = 0;
        for (double r : rewardsDescending) ss += (r - mean) * (r - mean);
        this.sd = Math.sqrt(ss / rewardsDescending.length);
    }

    public int poolSize() {
        return rewardsDescending.length;
    }

    /** The KL of π at inverse temperature b = 1/λ, and its derivative dKL/db = b·Var(r). */
    public record Tilt(double inverseTemperature, double kl, double klDerivative, double meanReward) {
        public double lambda() {
            return 1 / inverseTemperature;
        }
    }

    public Tilt at(double b) {
        if (!(b >= 0)) throw new IllegalArgumentException("inverse temperature must be >= 0");
        double z = 0;
        double s1 = 0;
        double s2 = 0;
        for (double r : rewardsDescending) {
            double e = b * (r - max);
            if (e < CUTOFF) break;
            double w = Math.exp(e);
            double c = r - max;
            z += w;
            s1 += w * c;
            s2 += w * c * c;
        }
        double m1 = s1 / z; // E[r] − max
        double var = Math.max(0, s2 / z - m1 * m1);
        double logMeanExp = Math.log(z / rewardsDescending.length); // log mean exp(b(r − max))
        double kl = Math.max(0, b * m1 - logMeanExp);
        return new Tilt(b, kl, b * var, m1 + max);
    }

    /** E_π[f] for each column under π at inverse temperature b; {@code columns[c][i]} belongs to reward i. */
    public double[] expectations(double b, double[]... columns) {
        double z = 0;
        double[] s = new double[columns.length];
        for (int i = 0; i < rewardsDescending.length; i++) {
            double e = b * (rewardsDescending[i] - max);
            if (e < CUTOFF) break;
            double w = Math.exp(e);
            z += w;
            for (int c = 0; c < columns.length; c++) s[c] += w * columns[c][i];
        }
        for (int c = 0; c < columns.length; c++) s[c] /= z;
        return s;
    }

    /** The largest KL any policy on the pool can have: log P (all mass on one output). */
    public double maxKl() {
        return Math.log(rewardsDescending.length);
    }

    /**
     * The inverse temperature b at which KL(b) = {@code targetKl}, by Newton's method safeguarded with bisection.
     *
     * @param start a guess (e.g. the solution for a nearby target); ≤ 0 for none
     * @throws IllegalArgumentException when the target is not below log P, or the rewards are all equal
     */
    public double solve(double targetKl, double start) {
        if (!(targetKl > 0) || !(targetKl < maxKl())) {
            throw new IllegalArgumentException("target KL must be in (0, log P = " + maxKl() + "): " + targetKl);
        }
        if (!(sd > 0)) throw new IllegalArgumentException("all rewards are equal: no policy moves away from pi_0");
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double b = start > 0 ? start : Math.sqrt(2 * targetKl) / sd; // Gaussian rewards: KL = b²σ²/2
        for (int it = 0; it < 300; it++) {
            Tilt t = at(b);
            double f = t.kl() - targetKl;
            if (Math.abs(f) <= 1e-9 * Math.max(1, targetKl)) return b; // d to ~1e-9
            if (f < 0) lo = b;
            else hi = b;
            double newton = t.klDerivative() > 0 ? b - f / t.klDerivative() : Double.NaN;
            if (newton > lo && newton < hi) b = newton;
            else if (hi == Double.POSITIVE_INFINITY) b = 2 * b;
            else b = 0.5 * (lo + hi);
            if (hi < Double.POSITIVE_INFINITY && hi - lo <= 1e-15 * hi) return b;
        }
        throw new IllegalStateException("KL target " + targetKl + " not reached");
    }
}
