package org.alignlab.threats.coordination;

import org.alignlab.core.Param;

/** Settings of the Nowak–Sigmund evolutionary simulation (one run per seed). */
public record NoiseWinnerConfig(
        @Param(value = "generations per run", min = 1_000, max = 100_000_000) long generations,
        @Param(value = "probability that a mutant strategy enters in a generation", min = 0, max = 0.5)
        double mutationRate,
        @Param(value = "every probability of a strategy lies in [epsilon, 1 - epsilon] (errors)", min = 1e-6,
                max = 0.1) double epsilon,
        @Param(value = "a strategy counts as win-stay-lose-shift when no probability is further than this from "
                + "(1, 0, 0, 1)", min = 0.01, max = 0.5) double closeness) {

    /** Seconds: 500,000 generations per run. */
    public static NoiseWinnerConfig quick() {
        return new NoiseWinnerConfig(500_000, 0.01, 0.001, 0.2);
    }

    /** 1,000,000 generations per run, mutants every 100 generations on average, epsilon 0.001 (the paper's). */
    public static NoiseWinnerConfig paper() {
        return new NoiseWinnerConfig(1_000_000, 0.01, 0.001, 0.2);
    }
}
