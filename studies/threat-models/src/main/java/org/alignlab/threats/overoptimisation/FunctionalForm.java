package org.alignlab.threats.overoptimisation;

/**
 * The gold-reward laws of Gao, Schulman and Hilton 2022 (Sec. 1, Eqs. 1 and 2), in d = √KL(π ‖ π_init), with
 * R(0) := 0:
 *
 * <ul>
 *   <li>{@link #BEST_OF_N}: R_bon(d) = d(α_bon − β_bon·d), maximal at d* = α/(2β);</li>
 *   <li>{@link #RL}: R_RL(d) = d(α_RL − β_RL·log d), maximal at d* = exp(α/β − 1).</li>
 * </ul>
 *
 * Both are linear in (α, β), so the least-squares fit ({@link #fit}) is a 2×2 linear solve.
 */
public enum FunctionalForm {
    BEST_OF_N("d(alpha - beta d)") {
        @Override
        double penaltyShape(double d) {
            return d * d;
        }

        @Override
        public double peak(double alpha, double beta) {
            return beta > 0 && alpha > 0 ? alpha / (2 * beta) : NO_PEAK;
        }
    },
    RL("d(alpha - beta log d)") {
        @Override
        double penaltyShape(double d) {
            return d == 0 ? 0 : d * Math.log(d);
        }

        @Override
        public double peak(double alpha, double beta) {
            return beta > 0 ? Math.exp(alpha / beta - 1) : NO_PEAK;
        }
    };

    /** What {@link #peak} returns when the fitted law has no interior maximum in d > 0 (β ≤ 0). */
    public static final double NO_PEAK = -1;

    private final String formula;

    FunctionalForm(String formula) {
        this.formula = formula;
    }

    public String formula() {
        return formula;
    }

    /** The term β multiplies, with its sign: R = α·d − β·penaltyShape(d). */
    abstract double penaltyShape(double d);

    /** The d > 0 that maximises R, or {@link #NO_PEAK}. */
    public abstract double peak(double alpha, double beta);

    public double value(double d, double alpha, double beta) {
        return alpha * d - beta * penaltyShape(d);
    }

    /**
     * Least squares of R(d) on the points (d_i, r_i), all d_i > 0: minimises Σ (r_i − α d_i + β s(d_i))². R² is
     * 1 − SS_res/SS_tot with SS_tot about the mean of r (the usual coefficient of determination).
     */
    public Fit fit(double[] d, double[] r) {
        if (d.length != r.length) throw new IllegalArgumentException("d and r must have the same length");
        if (d.length < 2) throw new IllegalArgumentException("a two-parameter fit needs at least two points");
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] > 0)) throw new IllegalArgumentException("fit points need d > 0: " + d[i]);
            double a = d[i];
            double b = -penaltyShape(d[i]);
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            say += a * r[i];
            sby += b * r[i];
        }
        double det = saa * sbb - sab * sab;
        if (!(Math.abs(det) > 1e-300)) throw new IllegalArgumentException("the fit is singular (one distinct d?)");
        double alpha = (say * sbb - sby * sab) / det;
        double beta = (saa * sby - sab * say) / det;
        double mean = 0;
        for (double y : r) mean += y;
        mean /= r.length;
        double ssRes = 0;
        double ssTot = 0;
        double[] residuals = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            residuals[i] = r[i] - value(d[i], alpha, beta);
            ssRes += residuals[i] * residuals[i];
            ssTot += (r[i] - mean) * (r[i] - mean);
        }
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : (ssRes == 0 ? 1 : 0);
        return new Fit(this, alpha, beta, r2, residuals, peak(alpha, beta));
    }

    /**
     * A fitted law.
     *
     * @param residuals r_i − R(d_i), in the order of the fitted points
     * @param peakD     the fitted law's maximiser d*, or {@link #NO_PEAK}
     */
    public record Fit(FunctionalForm form, double alpha, double beta, double r2, double[] residuals, double peakD) {
        public double value(double d) {
            return form.value(d, alpha, beta);
        }

        public double maxAbsResidual() {
            double m = 0;
            for (double x : residuals) m = Math.max(m, Math.abs(x));
            return m;
        }
    }
}
