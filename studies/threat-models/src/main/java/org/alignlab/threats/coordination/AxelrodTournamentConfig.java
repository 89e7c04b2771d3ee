package org.alignlab.threats.coordination;

import org.alignlab.core.Param;

/**
 * How Axelrod's first tournament is replayed.
 *
 * @param tournaments independent round robins per run (each with its own seed); the run reports their means
 * @param turns       turns per match (200 in the original, announced to the entrants)
 * @param repetitions how often the whole round robin is played within one tournament (5 in the original)
 * @param noise       chance that an intended move is flipped (0 in the original)
 * @param threads     threads each round robin uses; the numbers do not depend on it
 */
public record AxelrodTournamentConfig(
        @Param(value = "independent round robins per run", min = 1, max = 10_000) int tournaments,
        @Param(value = "turns per match (200 in Axelrod 1980)", min = 1, max = 1_000_000) int turns,
        @Param(value = "repetitions of the round robin (5 in Axelrod 1980)", min = 1, max = 10_000) int repetitions,
        @Param(value = "probability that an intended move is flipped (0 in Axelrod 1980)", min = 0, max = 1) double noise,
        @Param(value = "threads per round robin (does not change the numbers)", min = 1, max = 256) int threads) {

    /** The published setup, a handful of tournaments per run. */
    public static AxelrodTournamentConfig quick() {
        return new AxelrodTournamentConfig(4, 200, 5, 0, 1);
    }

    /** The published setup, 100 tournaments per run. */
    public static AxelrodTournamentConfig paper() {
        return new AxelrodTournamentConfig(100, 200, 5, 0, 1);
    }
}
