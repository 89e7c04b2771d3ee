package org.alignlab.threats.powerseeking;

import org.alignlab.core.Param;

/**
 * How the learners are trained on the treacherous-turn gridworld and how their greedy policies are measured with and
 * without the capability (the cloak).
 */
public record TreacherousTurnConfig(
        @Param(value = "training episodes per learner (the cloak is offered in half of them)", min = 1,
                max = 10_000_000) int episodes,
        @Param(value = "greedy evaluation episodes per variant (cloak never offered, cloak always offered), at the "
                + "end and at every checkpoint", min = 1, max = 1_000_000) int evalEpisodes,
        @Param(value = "points of the greedy-defection learning curve (evaluations during training)", min = 1,
                max = 10_000) int checkpoints,
        @Param(value = "initial action value of the learners: at or above the largest return (40) it is optimistic and "
                + "drives systematic exploration; 0 leaves exploration to epsilon alone", min = -1_000, max = 1_000)
        double initialValue,
        @Param(value = "learning rate alpha of the tabular learners", min = 1e-6, max = 1) double alpha,
        @Param(value = "discount gamma of the learners and of the exact planner", min = 0, max = 0.999999)
        double discount,
        @Param(value = "exploration epsilon at the start of training", min = 0, max = 1) double epsilonStart,
        @Param(value = "exploration epsilon at the end of the decay", min = 0, max = 1) double epsilonEnd,
        @Param(value = "fraction of the training episodes over which epsilon decays linearly", min = 0, max = 1)
        double epsilonDecay,
        @Param("also solve the exported MDP for the observed reward and measure its optimal policy") boolean planner) {

    public static TreacherousTurnConfig quick() {
        return new TreacherousTurnConfig(2_000, 60, 10, 40, 0.2, 0.99, 1.0, 0.05, 0.6, true);
    }

    public static TreacherousTurnConfig paper() {
        return new TreacherousTurnConfig(20_000, 600, 40, 40, 0.1, 0.99, 1.0, 0.01, 0.7, true);
    }
}
