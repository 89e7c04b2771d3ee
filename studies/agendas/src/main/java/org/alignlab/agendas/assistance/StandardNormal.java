package org.alignlab.agendas.assistance;

import org.hipparchus.special.Erf;

/**
 * The standard normal distribution: density φ, distribution function Φ, upper tail Q(z) = Φ(−z), and the standard
 * normal loss function ψ(t) = E[max(Z − t, 0)] = φ(t) − t·Q(t), all accurate in the far tails.
 */
public final class StandardNormal {
    /** 1/√(2π) = φ(0). */
    public static final double INV_SQRT_2PI = 0.3989422804014327;

    private static final double SQRT2 = Math.sqrt(2.0);
    // Terms of the continued fraction for the Mills ratio; 100 is ample for t ≥ 4 (relative error ≈ 1e-16).
    private static final int CF_TERMS = 100;
    private static final double CF_FROM = 4.0;

    private StandardNormal() {}

    public static double pdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** Φ(z). */
    public static double cdf(double z) {
        return upperTail(-z);
    }

    /** Q(z) = Φ(−z) = P(Z > z), with full relative accuracy for large z (erfc, not 1 − Φ). */
    public static double upperTail(double z) {
        return 0.5 * Erf.erfc(z / SQRT2);
    }

    /**
     * The standard normal loss function ψ(t) = E[max(Z − t, 0)] = φ(t) − t·Q(t). It is strictly positive; the
     * textbook formula cancels catastrophically for large t (both terms ≈ φ(t), their difference ≈ φ(t)/t²), so for
     * t ≥ 4 it is evaluated as φ(t)·c/(t + c) from the Laplace continued fraction of the Mills ratio
     * Q(t)/φ(t) = 1/(t + 1/(t + 2/(t + 3/(t + …)))), with c = 1/(t + 2/(t + 3/(t + …))): every term is positive, so
     * nothing cancels. For negative t, ψ(t) = ψ(−t) − t (both positive). ψ(t) underflows to 0 only beyond t ≈ 38.
     */
    public static double loss(double t) {
        if (Double.isNaN(t)) return Double.NaN;
        if (t < 0) return loss(-t) - t;
        if (t < CF_FROM) return pdf(t) - t * upperTail(t);
        double tail = 0;
        for (int k = CF_TERMS; k >= 1; k--) tail = k / (t + tail);
        return pdf(t) * tail / (t + tail);
    }
}
