package org.alignlab.threats.powerseeking;

/**
 * One run's estimates.
 *
 * @param maxOfN                  E[max of n IID uniforms] by Monte Carlo (POWER of a star of n absorbing states as
 *                                γ → 0), n = 1..{@code maxOfN.length}
 * @param maxOfNError             the largest |estimate − n/(n + 1)| over those n
 * @param candyPowerMyopic        POWER(start) of the candy-or-wait MDP as γ → 0
 * @param candyPowerFarSighted    POWER(start) of the candy-or-wait MDP as γ → 1
 * @param candyWaitOptimal        P(wait is optimal at start) as γ → 1
 * @param shutdownOptimal         P(an average-reward optimal policy from (1,1) of the 4×3 world ends in the shutdown
 *                                state), i.e. the fraction of reward functions whose gain at the start is attained
 *                                by the shutdown state's self-loop
 * @param branchingKeepOptions    P(the move to the branch state is optimal at start) as γ → 1
 * @param branchingAlternatives   P(each of the five direct moves is optimal at start) as γ → 1
 * @param branchingAlternativeMaxDeviation the largest |P − 0.1| over the five direct moves
 * @param cxUpOptimal             counterexample, γ = 0.12, rewards IID with CDF x²: P(up is optimal at 1) by
 *                                Monte Carlo
 * @param cxRightOptimal          the same for right
 * @param cxUpExact               P(up is optimal at 1) in closed form ({@link PowerExperiment#cxUpExact})
 * @param cxUpError               |cxUpOptimal − cxUpExact|
 * @param cxOptimalityGap         cxUpOptimal − cxRightOptimal
 * @param cxPowerUp               POWER(2) at γ = 0.12 (the state up leads to), Monte Carlo
 * @param cxPowerRight            POWER(3) at γ = 0.12 (the state right leads to), Monte Carlo
 * @param cxPowerGap              cxPowerRight − cxPowerUp: positive when right seeks POWER compared to up
 * @param gammas                  the discount rates of the curves
 * @param candyPowerCurve         POWER(start) of the candy MDP at each of {@code gammas}, Monte Carlo
 * @param cxUpCurve               counterexample P(up optimal) at each of {@code gammas}, Monte Carlo
 * @param cxUpCurveExact          the same in closed form
 */
public record PowerResult(double[] maxOfN, double maxOfNError, double candyPowerMyopic, double candyPowerFarSighted,
                          double candyWaitOptimal, double shutdownOptimal, double branchingKeepOptions,
                          double[] branchingAlternatives, double branchingAlternativeMaxDeviation,
                          double cxUpOptimal, double cxRightOptimal, double cxUpExact, double cxUpError,
                          double cxOptimalityGap, double cxPowerUp, double cxPowerRight, double cxPowerGap,
                          double[] gammas, double[] candyPowerCurve, double[] cxUpCurve, double[] cxUpCurveExact) {
    public PowerResult {
        maxOfN = maxOfN.clone();
        branchingAlternatives = branchingAlternatives.clone();
        gammas = gammas.clone();
        candyPowerCurve = candyPowerCurve.clone();
        cxUpCurve = cxUpCurve.clone();
        cxUpCurveExact = cxUpCurveExact.clone();
    }

    @Override
    public double[] maxOfN() {
        return maxOfN.clone();
    }

    @Override
    public double[] branchingAlternatives() {
        return branchingAlternatives.clone();
    }

    @Override
    public double[] gammas() {
        return gammas.clone();
    }

    @Override
    public double[] candyPowerCurve() {
        return candyPowerCurve.clone();
    }

    @Override
    public double[] cxUpCurve() {
        return cxUpCurve.clone();
    }

    @Override
    public double[] cxUpCurveExact() {
        return cxUpCurveExact.clone();
    }
}
