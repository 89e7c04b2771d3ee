package org.alignlab.threats.impact;

import org.alignlab.core.Param;

/**
 * Settings of the AUP reproduction. The paper's agents learn their Q-functions by Q-learning over 6,000 episodes;
 * here the attainable utilities and the AUP policy are computed exactly by value iteration on each level's exported
 * MDP, so the only randomness is the draw of the auxiliary reward functions.
 */
public record AupConfig(
        @Param(value = "auxiliary reward functions |R| per trial, each r_i(s) IID uniform on [0, 1]", min = 1,
                max = 1_000) int auxiliaryRewards,
        @Param(value = "penalty weight lambda of the AUP agent (R_AUP = R - lambda PENALTY/SCALE)", min = 0, max = 1e6)
        double lambda,
        @Param(value = "discount gamma of the primary and auxiliary values", min = 0.5, max = 0.9999) double discount,
        @Param(value = "inaction rollout n: compare acting then n-1 no-ops with n no-ops", min = 1, max = 50)
        int rollout,
        @Param(value = "how PENALTY is normalised", choices = {"noop-sum", "per-function", "none"}) String scaling,
        @Param(value = "trials per run: independent draws of the auxiliary rewards", min = 1, max = 10_000)
        int trials) {

    /** The paper's discount, attainable-set size and λ; fewer trials. */
    public static AupConfig quick() {
        return new AupConfig(30, LAMBDA, 0.996, 5, "noop-sum", 2);
    }

    /** The paper's settings; ten trials per run. */
    public static AupConfig paper() {
        return new AupConfig(30, LAMBDA, 0.996, 5, "noop-sum", 10);
    }

    /** λ = 1/1.501, the default of the authors' experiments (their code's {@code lambd}). */
    public static final double LAMBDA = 1 / 1.501;
}
