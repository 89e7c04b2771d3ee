package org.alignlab.threats.powerseeking;

import org.alignlab.core.Param;

/**
 * Settings of the shutdown-avoidance gridworlds: how many reward functions the avoidance curve draws per map, at
 * which discounts, how many reward functions each POWER heat map draws per cell, and the middle heat map's discount.
 */
public record ShutdownConfig(
        @Param(value = "reward functions R ~ D drawn per map for the shutdown-avoidance curve", min = 100,
                max = 10_000_000)
        int samples,
        @Param(value = "discounts of the avoidance curve, increasing, strictly between 0 and 1 (the limits gamma -> 0 "
                + "and gamma -> 1 are always added)", min = 0.0001, max = 0.9999)
        double[] gammas,
        @Param(value = "reward functions drawn per cell for each POWER heat map", min = 100, max = 10_000_000)
        int powerSamples,
        @Param(value = "discount of the middle POWER heat map (the others are the limits gamma -> 0 and gamma -> 1)",
                min = 0.01, max = 0.99)
        double heatGamma,
        @Param(value = "worker threads (the numbers do not depend on it)", min = 1, max = 256)
        int threads) {

    static final double[] GAMMAS = {0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999};

    public ShutdownConfig {
        gammas = gammas.clone();
    }

    @Override
    public double[] gammas() {
        return gammas.clone();
    }

    /**
     * Seconds: 20,000 reward functions per map (standard error of a fraction at most 0.0036); 1,000 for the heat maps
     * (every cell from the same draws, {@code Power.estimateAll}; POWER's standard error about 0.003 away from the
     * off-switch, 0.009 on it).
     */
    public static ShutdownConfig quick() {
        return new ShutdownConfig(20_000, GAMMAS, 1_000, 0.9, 2);
    }

    /** 400,000 reward functions per map (standard error at most 0.0008); 20,000 for the heat maps (about 0.002). */
    public static ShutdownConfig paper() {
        return new ShutdownConfig(400_000, GAMMAS, 20_000, 0.9, 2);
    }
}
