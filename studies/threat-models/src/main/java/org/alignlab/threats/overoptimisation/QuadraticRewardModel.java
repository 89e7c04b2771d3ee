package org.alignlab.threats.overoptimisation;

import java.util.Arrays;

/**
 * The proxy reward model: linear in the features φ(x) = (x_1, …, x_k, x_1² − 1, …, x_k² − 1), so it can learn each
 * feature's slope and a quadratic bend, r̂(x) = w·φ(x). It is fitted to comparisons by {@link BradleyTerry}. Its
 * scores are in Bradley–Terry logits; only their order and their relation to the gold reward matter here.
 *
 * @param weights w, of length 2k: the k linear weights, then the k quadratic ones
 */
public record QuadraticRewardModel(double[] weights) {

    public QuadraticRewardModel {
        if (weights == null || weights.length == 0 || weights.length % 2 != 0) {
            throw new IllegalArgumentException("weights must have even, positive length (2k)");
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public int dimension() {
        return weights.length / 2;
    }

    /** φ(x) written into {@code out} (length 2k). */
    public static void features(double[] x, double[] out) {
        int k = x.length;
        for (int j = 0; j < k; j++) {
            out[j] = x[j];
            out[k + j] = x[j] * x[j] - 1;
        }
    }

    public static int featureCount(int dimension) {
        return 2 * dimension;
    }

    /** r̂(x) = w·φ(x). */
    public double score(double[] x) {
        int k = weights.length / 2;
        double s = 0;
        for (int j = 0; j < k; j++) s += weights[j] * x[j] + weights[k + j] * (x[j] * x[j] - 1);
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuadraticRewardModel m && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "QuadraticRewardModel" + Arrays.toString(weights);
    }
}
