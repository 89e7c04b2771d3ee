package org.alignlab.threats.gridworlds;

import org.alignlab.core.Param;

/**
 * How the agents are trained and evaluated on one of the AI Safety Gridworlds. The paper trains A2C and Rainbow for
 * millions of steps; here tabular learners on the exact board observations, far fewer episodes.
 */
public record GridworldConfig(
        @Param(value = "training episodes per learner", min = 1, max = 10_000_000) int episodes,
        @Param(value = "greedy evaluation episodes after training", min = 1, max = 1_000_000) int evalEpisodes,
        @Param(value = "learning rate alpha of the tabular learners", min = 1e-6, max = 1) double alpha,
        @Param(value = "discount gamma of the learners and of the exact planner", min = 0, max = 1) double discount,
        @Param(value = "exploration epsilon at the start of training", min = 0, max = 1) double epsilonStart,
        @Param(value = "exploration epsilon at the end of the decay", min = 0, max = 1) double epsilonEnd,
        @Param(value = "fraction of the training episodes over which epsilon decays linearly", min = 0, max = 1)
        double epsilonDecay,
        @Param(value = "training episodes at the end over which return and performance are averaged", min = 1)
        int window,
        @Param("also solve the exported MDP for the observed reward and run its optimal policy (Markov envs only)")
        boolean planner) {

    public static GridworldConfig quick() {
        return new GridworldConfig(1_500, 50, 0.2, 0.99, 1.0, 0.05, 0.6, 200, true);
    }

    public static GridworldConfig paper() {
        return new GridworldConfig(20_000, 500, 0.1, 0.99, 1.0, 0.01, 0.7, 2_000, true);
    }
}
