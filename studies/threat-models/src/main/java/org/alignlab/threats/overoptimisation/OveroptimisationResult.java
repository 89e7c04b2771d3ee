package org.alignlab.threats.overoptimisation;

import java.util.List;

/**
 * What one run measured: for each proxy training-set size, the gold and proxy reward of best-of-n and of the
 * KL-regularised optimum against d = √KL, the fits of Gao et al.'s laws, and how their coefficients move with the
 * training-set size. Rewards are in gold standard deviations, relative to the base policy (R(0) = 0).
 *
 * @param n          the best-of-n grid
 * @param d          √KL_bon(n) = √(log n − (n−1)/n); d[0] = 0 at n = 1
 * @param klFormula  log n − (n−1)/n
 * @param klPool     the exact KL of best-of-n over the pool (a uniform distribution on P points)
 * @param proxies    one entry per training-set size, in increasing order
 * @param trend      the fitted coefficients against the training-set size
 * @param checks     the numbers the claims read
 */
public record OveroptimisationResult(int[] n, double[] d, double[] klFormula, double[] klPool,
                                     List<ProxyCurves> proxies, Trend trend, Checks checks) {

    /**
     * The curves of the proxies trained on one number of comparisons, averaged over the replicates.
     *
     * @param trainingSize          N, the number of comparisons each proxy was fitted to
     * @param correlation           corr(proxy, gold) under the base policy (mean over replicates)
     * @param bonGold               E[gold] of best-of-n, one per n (bonGold[0] = 0)
     * @param bonProxy              E[proxy] of best-of-n, the proxy in gold units (least-squares slope on gold under
     *                              the base policy)
     * @param bonInitialGain        bonGold at n = 2 divided by its d (0.44): the gold gained per unit d at the start
     * @param bonFit                d(α − βd) fitted to bonGold at n ≥ 2
     * @param bonRlFormR2           R² of d(α − β log d) fitted to the same best-of-n points, for comparison
     * @param bonArgmaxD            the d of the largest bonGold
     * @param bonPeakDrop           max bonGold − bonGold at the largest n (0 when the peak is the last point)
     * @param bonProxyRiseAfterPeak bonProxy at the largest n − bonProxy at the gold peak
     * @param rlD                   the KL-regularised optima's d: the best-of-n grid from n = 2 on (equal KL)
     * @param rlLambda              the KL penalty λ of each optimum, in gold units (mean over replicates)
     * @param rlGold                E[gold] of each optimum
     * @param rlProxy               E[proxy] of each optimum, in gold units
     * @param rlFit                 d(α − β log d) fitted to rlGold
     * @param rlBonFormR2           R² of d(α − βd) fitted to the same points, for comparison
     * @param rlArgmaxD             the d of the largest rlGold
     * @param rlPeakDrop            max rlGold − rlGold at the largest d
     */
    public record ProxyCurves(int trainingSize, double correlation, double[] bonGold, double[] bonProxy,
                              double bonInitialGain, FunctionalForm.Fit bonFit, double bonRlFormR2,
                              double bonArgmaxD, double bonPeakDrop, double bonProxyRiseAfterPeak, double[] rlD,
                              double[] rlLambda, double[] rlGold, double[] rlProxy, FunctionalForm.Fit rlFit,
                              double rlBonFormR2, double rlArgmaxD, double rlPeakDrop) {}

    /**
     * The fitted coefficients against log10 N, with least-squares slopes per decade of N; also the best-of-n gold
     * gained per unit d at n = 2, which α would equal if the law were exact near d = 0.
     */
    public record Trend(int[] trainingSizes, double[] alphaBon, double[] betaBon, double[] alphaRl,
                        double[] betaRl, double[] initialGainBon, double alphaBonSlope, double betaBonSlope,
                        double alphaRlSlope, double betaRlSlope, double initialGainBonSlope) {}

    /**
     * @param maxKlError               max over the grid of |KL of best-of-n over the pool − (log n − (n−1)/n)|
     * @param minBonR2                 the smallest R² of the best-of-n fits over the training-set sizes
     * @param headlineOveroptimisation at the smallest N: min(gold drop after its peak, proxy rise after that peak)
     * @param headlinePeakError        at the smallest N: |d* of the fit − d of the largest gold| (the largest d
     *                                 of the grid when the fit has no peak)
     * @param alphaBonSlope            dα_bon / dlog10 N
     * @param betaBonSlope             dβ_bon / dlog10 N
     * @param minRlR2                  the smallest R² of the d(α − β log d) fits to the policy-optimisation curves
     * @param rlFormAdvantage          mean over N of R²(d(α − β log d)) − R²(d(α − βd)) on the policy-optimisation
     *                                 curves: positive when the RL law fits them better than the best-of-n law
     */
    public record Checks(double maxKlError, double minBonR2, double headlineOveroptimisation,
                         double headlinePeakError, double alphaBonSlope, double betaBonSlope, double minRlR2,
                         double rlFormAdvantage) {}
}
