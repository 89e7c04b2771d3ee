package org.alignlab.agendas.assistance;

/**
 * Theorem 2 of Hadfield-Menell et al. 2017 (Gaussian belief N(μ, σ²)): Δ = σ²·E[π̇_H] − |μ|·Pr(C) (Eq. 7), where
 * π̇_H = dπ_H/dU_a and C is the event that H "corrects" R, overriding R's best guess (Eq. 6):
 * Pr(C) = 1 − E[π_H] if μ ≥ 0, E[π_H] if μ < 0.
 *
 * @param expectedSlope          E[π̇_H]; for a noisy human (1/β)·E[π_H(1 − π_H)] (Eq. 10), for a rational one the
 *                               belief's density at 0 (π̇_H is a point mass there)
 * @param probabilityOfCorrection Pr(C), Eq. 6
 * @param variance               σ²
 * @param absMean                |μ|
 */
public record IncentiveDecomposition(double expectedSlope, double probabilityOfCorrection, double variance,
                                     double absMean) {

    /** Eq. 7. */
    public double incentive() {
        return variance * expectedSlope - absMean * probabilityOfCorrection;
    }

    /** Eq. 8: (|μ|/σ²)·Pr(C) < E[π̇_H], the necessary and sufficient condition for Δ > 0 (w(a) optimal). */
    public boolean waitingOptimal() {
        return absMean / variance * probabilityOfCorrection < expectedSlope;
    }
}
