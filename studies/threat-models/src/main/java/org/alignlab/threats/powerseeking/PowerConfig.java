package org.alignlab.threats.powerseeking;

import org.alignlab.core.Param;

/**
 * Settings of the POWER reproductions: how many reward functions each estimate draws, and on how many threads.
 *
 * @param samples               reward functions per estimate of the limits γ → 0 and γ → 1 and of the shutdown
 *                              grid
 * @param counterexampleSamples reward functions for the counterexample at γ = 0.12, whose two moves differ by only
 *                              about 0.02 in optimality probability and so need more samples
 * @param curveSamples          reward functions per point of the curves against γ (figures only)
 * @param threads               worker threads per estimate
 */
public record PowerConfig(
        @Param(value = "reward functions R ~ D drawn for each Monte Carlo estimate", min = 100, max = 10_000_000)
        int samples,
        @Param(value = "reward functions drawn for the counterexample at gamma = 0.12", min = 100,
                max = 10_000_000)
        int counterexampleSamples,
        @Param(value = "reward functions per discount rate on the curves against gamma (figures)", min = 10,
                max = 1_000_000)
        int curveSamples,
        @Param(value = "worker threads per estimate (the numbers do not depend on it)", min = 1, max = 256)
        int threads) {

    /**
     * Seconds: 20,000 reward functions per estimate (standard error at most 0.0036 for a probability), 100,000 for
     * the counterexample (0.0016), 1,000 per point of the curves.
     */
    public static PowerConfig quick() {
        return new PowerConfig(20_000, 100_000, 1_000, 2);
    }

    /**
     * 400,000 reward functions per estimate (standard error at most 0.0008), 2,000,000 for the counterexample
     * (0.00035), 20,000 per point of the curves.
     */
    public static PowerConfig paper() {
        return new PowerConfig(400_000, 2_000_000, 20_000, 4);
    }
}
