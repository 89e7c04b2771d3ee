package org.alignlab.threats.coordination;

import org.alignlab.core.Param;

/**
 * Which extortioners play, and how long.
 *
 * @param chis        extortion factors χ ≥ 1, comma-separated
 * @param phiFraction φ as a fraction of its largest admissible value (0.5 gives Stewart and Plotkin's Extort-2 at χ = 2)
 * @param turns       turns per match; the simulation error of a mean payoff shrinks as 1/√turns
 */
public record ExtortionConfig(
        @Param("extortion factors chi >= 1, comma-separated, e.g. '2,3,5'") String chis,
        @Param(value = "phi as a fraction of its largest admissible value", min = 1e-6, max = 1) double phiFraction,
        @Param(value = "turns per match", min = 1000, max = 100_000_000) int turns) {

    public static ExtortionConfig quick() {
        return new ExtortionConfig("2,3,5", 0.5, 100_000);
    }

    public static ExtortionConfig paper() {
        return new ExtortionConfig("2,3,5", 0.5, 2_000_000);
    }
}
