package org.alignlab.threats.coordination.commons;

import org.alignlab.core.Param;

/** Settings of the commons experiment: the map, the sweep over group sizes, the episodes and the learners. */
public record CommonsConfig(
        @Param(value = "group sizes to train, one independent run each (at least two, increasing)", min = 1, max = 64)
        int[] agents,
        @Param(value = "map width in cells", min = 5, max = 200) int width,
        @Param(value = "map height in cells", min = 5, max = 200) int height,
        @Param(value = "Manhattan radius of each apple patch", min = 0, max = 5) int patchRadius,
        @Param(value = "distance between patch centres along a row", min = 2, max = 50) int patchSpacing,
        @Param(value = "training episodes per group size", min = 2, max = 1_000_000) int episodes,
        @Param(value = "steps per episode (the paper: 1000)", min = 10, max = 100_000) int steps,
        @Param(value = "cells the time-out beam reaches ahead", min = 1, max = 50) int beamLength,
        @Param(value = "steps a tagged agent stays out of the game (the paper: 25)", min = 1, max = 1000)
        int timeoutSteps,
        @Param(value = "rows of the view ahead of the agent", min = 0, max = 10) int viewAhead,
        @Param(value = "rows of the view behind the agent", min = 0, max = 10) int viewBehind,
        @Param(value = "columns of the view on each side of the agent", min = 0, max = 10) int viewSide,
        @Param(value = "Q-learning step size (shared among the active features)", min = 1e-6, max = 1) double alpha,
        @Param(value = "discount factor", min = 0, max = 0.9999) double gamma,
        @Param(value = "exploration rate at the first episode", min = 0, max = 1) double epsilonStart,
        @Param(value = "exploration rate after the decay", min = 0, max = 1) double epsilonEnd,
        @Param(value = "share of the episodes over which exploration decays linearly", min = 0, max = 1)
        double explorationFraction,
        @Param(value = "episodes averaged for the early (first) and final (last) summaries", min = 1, max = 100_000)
        int summaryEpisodes) {

    public CommonsConfig {
        agents = agents.clone();
    }

    /** Seconds: a 24x12 field, groups of 1 to 8, 120 episodes of 250 steps. */
    public static CommonsConfig quick() {
        return new CommonsConfig(new int[] {1, 2, 4, 8}, 24, 12, 1, 6, 120, 250, 5, 25, 3, 1, 2, 0.1, 0.99, 1.0,
                0.05, 0.6, 12);
    }

    /**
     * The paper's episode length (1000 steps) and time-out (25 steps) on a 38x16 field, groups of 1 to 12, 300
     * episodes each, and a wider view (5 rows ahead, 2 behind, 4 to each side) for the larger field.
     */
    public static CommonsConfig paper() {
        return new CommonsConfig(new int[] {1, 2, 4, 8, 12}, 38, 16, 1, 6, 300, 1000, 5, 25, 5, 2, 4, 0.1, 0.99,
                1.0, 0.05, 0.6, 30);
    }

    /** The field this config describes. */
    public CommonsMap map() {
        return CommonsMap.patches(width, height, patchRadius, patchSpacing);
    }

    /** The training setup for one group size. */
    public CommonsTraining.Setup setup(int groupSize) {
        return new CommonsTraining.Setup(map(), groupSize, episodes, steps, beamLength, timeoutSteps, viewAhead,
                viewBehind, viewSide, alpha, gamma, epsilonStart, epsilonEnd, explorationFraction);
    }
}
