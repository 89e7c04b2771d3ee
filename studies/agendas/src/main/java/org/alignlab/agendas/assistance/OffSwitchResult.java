package org.alignlab.agendas.assistance;

import java.util.List;

/**
 * What one run of the off-switch experiment measured. Grids are stored whole so that figures (and readers of the
 * JSON) can redraw Figs. 2 and 3.
 *
 * @param rational      Theorem 1 and Fig. 2: a rational human, Gaussian (and random non-Gaussian) beliefs
 * @param standardNormal Δ by Monte Carlo at U_a ~ N(0, 1) with a rational human
 * @param panels        Fig. 3: a noisy human, Δ over (σ, β), one panel per mean −m, 0, +m
 * @param boundary      Fig. 3's Δ = 0 line in the +m panel, located numerically, against β* = σ²/(2|μ|)
 * @param curves        Δ against σ at E[U_a] = +m for several β (β = 0 is the rational human)
 * @param checks        the numbers the claims read
 */
public record OffSwitchResult(RationalSweep rational, MonteCarloCheck standardNormal, List<NoisyPanel> panels,
                              Boundary boundary, SigmaCurves curves, Checks checks) {

    /**
     * @param delta          Δ[mean][sigma], computed as Eq. 1 defines it: E[max(U,0)] − max(E[U], 0)
     * @param minDelta       its minimum over the grid
     * @param minDeltaStable the minimum of Δ from Eq. 3 (no cancellation); 0 only where it underflows
     * @param positiveCells  cells where Eq. 3's Δ is strictly positive (Theorem 1, part 2: all of them)
     * @param minDeltaRandomPriors min Δ (Eq. 1) over the random non-Gaussian beliefs; 0 when there are none
     * @param curveDelta     Δ[curveMean][sigma] for Fig. 2 (left)'s means
     * @param maxDeltaWhenCertain max of Δ over Fig. 2's nonzero means at σ = certainSigma
     */
    public record RationalSweep(double[] means, double[] sigmas, double[][] delta, double minDelta,
                                double minDeltaStable, int positiveCells, int cells, int randomPriors,
                                double minDeltaRandomPriors, double[] curveMeans, double[][] curveDelta,
                                double certainSigma, double maxDeltaWhenCertain) {}

    /** A Monte Carlo estimate of Δ next to its exact value. */
    public record MonteCarloCheck(double mean, double sigma, String human, long samples, double estimate,
                                  double standardError, double exact) {}

    /**
     * One panel of Fig. 3: belief N(mean, σ²), noisy human with noise β.
     *
     * @param delta                    Δ[sigma][beta] (Eq. 1, by quadrature)
     * @param maxBetaIncrement         the largest Δ[i][j+1] − Δ[i][j]: negative when Δ falls as β grows
     * @param maxDecompositionResidual the largest |Δ − (σ²E[π̇_H] − |μ|Pr(C))| (Theorem 2, Eq. 7)
     */
    public record NoisyPanel(double mean, double[] sigmas, double[] betas, double[][] delta, double minDelta,
                             double maxDelta, int negativeCells, int cells, double maxBetaIncrement,
                             double maxDecompositionResidual) {}

    /**
     * The Δ = 0 line of the +m panel: for each σ row whose Δ changes sign on the β grid, the root β of Δ found by
     * Brent's method, and β* = σ²/(2|μ|).
     *
     * @param maxRelativeError max |β − β*|/β* over the rows (1 when a row's crossing is missing or there is none)
     */
    public record Boundary(double mean, double[] sigmas, double[] betaNumeric, double[] betaClosedForm,
                           int rowsChecked, double maxRelativeError) {}

    /** Δ[beta][sigma] at E[U_a] = mean; betas[k] = 0 is the rational human. */
    public record SigmaCurves(double mean, double[] sigmas, double[] betas, double[][] delta) {}

    /**
     * @param minDeltaRational        min Δ (Eq. 1) over the Gaussian grid and the random beliefs
     * @param maxDeltaWhenCertain     max Δ at σ = certainSigma, E[U_a] ∈ {−1/4, 3/4}
     * @param standardNormalEstimate  the Monte Carlo Δ at N(0, 1)
     * @param maxDecompositionResidual max over the panels of |Δ − Eq. 7|
     * @param minDeltaMeanZero        min Δ over the E[U_a] = 0 panel
     * @param signChangeMargin        min over the ±m panels of min(Δ at (σ_max, β_min), −Δ at (σ_min, β_max))
     * @param maxBetaIncrement        max over the panels of Δ[i][j+1] − Δ[i][j]
     * @param boundaryMaxRelativeError from {@link Boundary}
     * @param maxSymmetryGap          max |Δ(−m) − Δ(+m)| over the heat map (Δ is even in E[U_a])
     */
    public record Checks(double minDeltaRational, double maxDeltaWhenCertain, double standardNormalEstimate,
                         double maxDecompositionResidual, double minDeltaMeanZero, double signChangeMargin,
                         double maxBetaIncrement, double boundaryMaxRelativeError, double maxSymmetryGap) {}
}
