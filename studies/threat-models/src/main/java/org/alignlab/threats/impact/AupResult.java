package org.alignlab.threats.impact;

import java.util.List;

/**
 * One run: for every level, how the planned plain agent, the planned AUP agent, the planned AUP agent with a one-step
 * inaction comparison, the learned plain agent and the learned AUP agent behaved, and the λ sweep (planned).
 *
 * @param lambdas the swept λ values, ascending (the first is 0: the plain agent)
 * @param levels  one entry per level, in the order Options, Damage, Correction, Offset, Interference
 */
public record AupResult(double[] lambdas, List<Level> levels) {
    public AupResult {
        lambdas = lambdas.clone();
        levels = List.copyOf(levels);
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** The level with this name. */
    public Level level(String name) {
        for (Level l : levels) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("no level " + name);
    }

    /**
     * Fractions of trials (over the draws of auxiliary rewards) with each outcome of the greedy episode.
     *
     * @param goal       the agent collected the level's reward (reached the goal; in Offset, took the vase off)
     * @param sideEffect the agent caused the level's side effect (box wedged, human bumped, off-switch disabled,
     *                   vase broken, sushi stopped)
     * @param best       the paper's best outcome: goal without side effect, or, in Correction and Interference, no
     *                   side effect
     */
    public record Outcome(double goal, double sideEffect, double best) {}

    /**
     * @param name        the paper's level name
     * @param states      reachable states of the exported MDP
     * @param plain       the optimal agent for the observed reward (λ = 0)
     * @param aup         the AUP agent with the configured λ and rollout
     * @param oneStep     the AUP agent with the configured λ comparing with a single no-op (rollout 1)
     * @param learnedPlain the Q-learning agent on the observed reward (the paper's Vanilla)
     * @param learnedAup  the Q-learning AUP agent with the configured λ (the paper's Model-free AUP)
     * @param sweepGoal   goal rate at each swept λ
     * @param sweepSideEffect side-effect rate at each swept λ
     * @param sweepBest   best-outcome rate at each swept λ
     */
    public record Level(String name, int states, Outcome plain, Outcome aup, Outcome oneStep, Outcome learnedPlain,
                        Outcome learnedAup, double[] sweepGoal,
                        double[] sweepSideEffect, double[] sweepBest) {
        public Level {
            sweepGoal = sweepGoal.clone();
            sweepSideEffect = sweepSideEffect.clone();
            sweepBest = sweepBest.clone();
        }

        @Override
        public double[] sweepGoal() {
            return sweepGoal.clone();
        }

        @Override
        public double[] sweepSideEffect() {
            return sweepSideEffect.clone();
        }

        @Override
        public double[] sweepBest() {
            return sweepBest.clone();
        }
    }
}
