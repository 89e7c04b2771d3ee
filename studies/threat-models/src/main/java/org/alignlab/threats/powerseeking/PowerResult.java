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
 * @param shutdownOptimal         P(the shutdown move is optimal at start) as γ → 1
 * @param branchingKeepOptions    P(the move to the branch state is optimal at start) as γ → 1
 * @param branchingAlternatives   P(each of the five direct moves is optimal at start) as γ → 1
 * @param branchingAlternativeMaxDeviation the largest |P − 0.1| over the five direct moves
 */
public record PowerResult(double[] maxOfN, double maxOfNError, double candyPowerMyopic, double candyPowerFarSighted,
                          double candyWaitOptimal, double shutdownOptimal, double branchingKeepOptions,
                          double[] branchingAlternatives, double branchingAlternativeMaxDeviation) {
    public PowerResult {
        maxOfN = maxOfN.clone();
        branchingAlternatives = branchingAlternatives.clone();
    }

    @Override
    public double[] maxOfN() {
        return maxOfN.clone();
    }

    @Override
    public double[] branchingAlternatives() {
        return branchingAlternatives.clone();
    }
}
