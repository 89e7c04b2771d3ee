package org.alignlab.decision.grid;

/**
 * The only source of randomness for a game's rules. Every random effect states its outcome distribution here, so
 * that the simulator can sample it (from the episode's {@link java.util.SplittableRandom}, seeded at reset) and
 * {@link MdpExport} can enumerate it with its probabilities. Rules must draw nothing else at random and must be
 * deterministic given the outcomes drawn here.
 *
 * <p>Outcomes of probability 0 or 1 are not draws: they take no random number and make no branch.
 */
public interface Chance {
    /** True with probability {@code p} in [0, 1]. */
    boolean bernoulli(double p);

    /** Index {@code i} with probability {@code probabilities[i]}; they must be ≥ 0 and sum to 1 (within 1e-9). */
    int choose(double... probabilities);

    /** Uniform over 0..n−1. */
    int uniform(int n);
}
