package org.alignlab.agendas.assistance;

import org.alignlab.core.Param;

/**
 * Settings of the off-switch experiment. The rational grid covers Theorem 1 and Fig. 2 of Hadfield-Menell et al.
 * 2017; the heat-map grid covers Fig. 3 (panels E[U_a] = −heatMapMean, 0, +heatMapMean); {@code samples} sets the
 * Monte Carlo check at U_a ~ N(0, 1).
 */
public record OffSwitchConfig(
        @Param(value = "largest |E[U_a]| of the rational-human grid over (mean, sigma) (Theorem 1, Fig. 2 right)",
                min = 0.01, max = 100) double meanMax,
        @Param(value = "number of means in the rational-human grid, evenly spaced on [-meanMax, meanMax]",
                min = 2, max = 2001) int meanSteps,
        @Param(value = "smallest standard deviation sigma of R's belief in the rational-human grid",
                min = 1e-4, max = 100) double sigmaMin,
        @Param(value = "largest standard deviation sigma of R's belief in the rational-human grid",
                min = 1e-4, max = 100) double sigmaMax,
        @Param(value = "number of sigmas in the rational-human grid, evenly spaced", min = 2, max = 2001)
        int sigmaSteps,
        @Param(value = "the small sigma at which Delta -> 0 is checked for Fig. 2's means -1/4 and 3/4",
                min = 1e-6, max = 0.02) double certainSigma,
        @Param(value = "random non-Gaussian beliefs (discrete and uniform on [-2, 2]) also checked against Theorem 1",
                min = 0, max = 1_000_000) int randomPriors,
        @Param(value = "Monte Carlo draws for Delta at U_a ~ N(0, 1) with a rational human", min = 100,
                max = 1e9) long samples,
        @Param(value = "|E[U_a]| of Fig. 3's outer panels (its middle panel has E[U_a] = 0)", min = 0.01, max = 10)
        double heatMapMean,
        @Param(value = "smallest sigma of the heat map over (sigma, beta)", min = 1e-3, max = 100)
        double heatSigmaMin,
        @Param(value = "largest sigma of the heat map over (sigma, beta)", min = 1e-3, max = 100)
        double heatSigmaMax,
        @Param(value = "number of sigmas in the heat map, evenly spaced", min = 2, max = 1001) int heatSigmaSteps,
        @Param(value = "smallest human noise beta of the heat map (beta -> 0 is the rational human)", min = 1e-3,
                max = 100) double betaMin,
        @Param(value = "largest human noise beta of the heat map", min = 1e-3, max = 100) double betaMax,
        @Param(value = "number of betas in the heat map, evenly spaced", min = 2, max = 1001) int betaSteps,
        @Param(value = "noise levels beta of the Delta-against-sigma curves (the rational human is drawn too)",
                min = 1e-3, max = 100) double[] lineBetas) {

    public OffSwitchConfig {
        lineBetas = lineBetas == null ? new double[0] : lineBetas.clone();
    }

    @Override
    public double[] lineBetas() {
        return lineBetas.clone();
    }

    /** Seconds for a whole run: 9 × 40 rational cells, 3 × 25 × 25 heat-map cells, 2^18 Monte Carlo draws. */
    public static OffSwitchConfig quick() {
        return new OffSwitchConfig(1.0, 9, 0.05, 2.0, 40, 0.01, 200, 1L << 18,
                0.25, 0.02, 1.0, 25, 0.02, 1.0, 25, new double[] {0.05, 0.1, 0.25, 0.5, 1.0});
    }

    /** Fig. 2's and Fig. 3's ranges on fine grids, 2^22 Monte Carlo draws, 5000 random beliefs. */
    public static OffSwitchConfig paper() {
        return new OffSwitchConfig(1.0, 81, 0.05, 2.0, 160, 0.01, 5000, 1L << 22,
                0.25, 0.01, 1.0, 100, 0.01, 1.0, 100, new double[] {0.05, 0.1, 0.25, 0.5, 1.0});
    }
}
