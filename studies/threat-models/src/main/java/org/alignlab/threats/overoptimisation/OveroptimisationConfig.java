package org.alignlab.threats.overoptimisation;

import org.alignlab.core.Param;

/**
 * Settings of the overoptimisation experiment: the synthetic task (features and bends of the gold reward), how the
 * proxies are trained (label temperature, ridge, training-set sizes), and how hard they are optimised (pool size and
 * the largest n of best-of-n; the policy-optimisation analogue is run to the same KL values).
 */
public record OveroptimisationConfig(
        @Param(value = "number of output features k: the base policy draws outputs x ~ N(0, I_k)", min = 1, max = 64)
        int features,
        @Param(value = "smallest bend c_j of the gold reward: feature j helps up to c_j standard deviations, then "
                + "hurts", min = 0.25, max = 10) double bendMin,
        @Param(value = "largest bend c_j (bends are evenly spaced from bendMin to bendMax)", min = 0.25, max = 10)
        double bendMax,
        @Param(value = "Bradley-Terry temperature of the gold labels: P(a preferred to b) = sigmoid((g(a) - g(b)) / "
                + "temperature), g in standard deviations", min = 0.01, max = 100) double labelTemperature,
        @Param(value = "L2 penalty (ridge) of the proxy's Bradley-Terry fit, in units of the summed log-loss",
                min = 1e-6, max = 1e6) double ridge,
        @Param(value = "training-set sizes N (numbers of comparisons) of the proxy reward models, increasing; the "
                + "smallest is the headline proxy", min = 8, max = 100_000) int[] trainingSizes,
        @Param(value = "independent proxies per training-set size (fresh comparisons and a fresh pool each), whose "
                + "curves are averaged", min = 1, max = 64) int replicates,
        @Param(value = "log2 of the pool of base-policy outputs each proxy is optimised over", min = 10, max = 22)
        int poolLog2,
        @Param(value = "log2 of the largest n of best-of-n (at most poolLog2 - 4, so that >= 16 pool outputs carry "
                + "the top weight)", min = 1, max = 20) int maxNLog2,
        @Param(value = "points of the n grid per doubling of n", min = 1, max = 8) int stepsPerOctave) {

    public OveroptimisationConfig {
        trainingSizes = trainingSizes == null ? new int[0] : trainingSizes.clone();
    }

    @Override
    public int[] trainingSizes() {
        return trainingSizes.clone();
    }

    /**
     * Seconds for a whole run: 4 training-set sizes × 2 proxies, each optimised over 2^17 outputs, n up to 4096
     * (d up to 2.71).
     */
    public static OveroptimisationConfig quick() {
        return new OveroptimisationConfig(8, 1.0, 2.0, 1.0, 1.0, new int[] {64, 256, 1024, 4096}, 2, 17, 12, 2);
    }

    /**
     * A finer sweep: 8 training-set sizes from 64 to 8192 comparisons, 4 proxies each, pools of 2^19 outputs, n up to
     * 2^15 (d up to 3.06), four grid points per doubling of n.
     */
    public static OveroptimisationConfig paper() {
        return new OveroptimisationConfig(8, 1.0, 2.0, 1.0, 1.0,
                new int[] {64, 128, 256, 512, 1024, 2048, 4096, 8192}, 4, 19, 15, 4);
    }
}
