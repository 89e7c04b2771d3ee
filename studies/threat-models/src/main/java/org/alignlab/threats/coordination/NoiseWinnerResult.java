package org.alignlab.threats.coordination;

/**
 * One evolutionary run.
 *
 * @param wslsLike       1 when the most common strategy at the end is within the closeness of (1, 0, 0, 1)
 * @param tftLike        1 when it is within the closeness of Tit for Tat (1, 0, 1, 0)
 * @param dominant       the most common strategy at the end (p_R, p_S, p_T, p_P)
 * @param dominantShare  its share
 * @param meanPayoff     the population's mean payoff at the end (R = 3 is full cooperation)
 * @param generation     the recorded generations
 * @param meanStrategy   meanStrategy[c][t]: the population's mean probability c (R, S, T, P) at generation[t]
 * @param payoff         the mean payoff at generation[t]
 */
public record NoiseWinnerResult(double wslsLike, double tftLike, double[] dominant, double dominantShare,
                                double meanPayoff, double[] generation, double[][] meanStrategy, double[] payoff) {
    public NoiseWinnerResult {
        dominant = dominant.clone();
        generation = generation.clone();
        meanStrategy = meanStrategy.clone();
        payoff = payoff.clone();
    }
}
