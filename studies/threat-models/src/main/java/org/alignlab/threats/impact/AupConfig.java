package org.alignlab.threats.impact;

import org.alignlab.core.Param;

/**
 * Settings of the AUP reproduction. Two kinds of agent are run on every level: planned ones, whose attainable
 * utilities and AUP policy are computed exactly on the level's exported MDP, and learned ones, which Q-learn their
 * auxiliary Q-functions and AUP values from sampled episodes as the paper's agents do ({@code episodes} each).
 */
public record AupConfig(
        @Param(value = "auxiliary reward functions |R| per trial, each r_i(s) IID uniform on [0, 1]", min = 1,
                max = 1_000) int auxiliaryRewards,
        @Param(value = "penalty weight lambda of the AUP agent (R_AUP = R - lambda PENALTY/SCALE)", min = 0, max = 1e6)
        double lambda,
        @Param(value = "discount gamma of the primary and auxiliary values", min = 0.5, max = 0.9999) double discount,
        @Param(value = "inaction rollout n of the planned agent: compare acting then n-1 no-ops with n no-ops",
                min = 1, max = 50) int rollout,
        @Param(value = "how PENALTY is normalised", choices = {"noop-sum", "per-function", "none"}) String scaling,
        @Param(value = "trials per run: independent draws of the auxiliary rewards", min = 1, max = 10_000)
        int trials,
        @Param(value = "training episodes of each learned agent (Q-learning, at most 20 steps each)", min = 1,
                max = 1_000_000) int episodes) {

    /** The paper's discount, attainable-set size, λ and training length; one trial per run. */
    public static AupConfig quick() {
        return new AupConfig(30, LAMBDA, 0.996, 5, "noop-sum", 1, EPISODES);
    }

    /** The paper's settings; ten trials per run. */
    public static AupConfig paper() {
        return new AupConfig(30, LAMBDA, 0.996, 5, "noop-sum", 10, EPISODES);
    }

    /** λ = 1/1.501, the default of the authors' experiments (their code's {@code lambd}). */
    public static final double LAMBDA = 1 / 1.501;

    /** The authors' training length for their learned agents. */
    public static final int EPISODES = 6_000;
}
