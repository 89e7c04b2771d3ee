package org.alignlab.threats.overoptimisation;

import java.util.SplittableRandom;

/**
 * Pairwise comparisons labelled by the gold reward, the training set of a proxy reward model. Each comparison draws
 * two outputs a, b from the base policy N(0, I) and labels a as preferred with the Bradley–Terry probability
 * σ((g(a) − g(b)) / τ), τ the label temperature (Gao et al. label with a gold reward model in place of humans).
 *
 * @param featureDifferences φ(a) − φ(b) for each comparison ({@link QuadraticRewardModel#features})
 * @param firstPreferred     whether a was preferred
 */
public record PreferenceData(double[][] featureDifferences, boolean[] firstPreferred) {

    public PreferenceData {
        if (featureDifferences.length != firstPreferred.length) {
            throw new IllegalArgumentException("one label per comparison");
        }
    }

    public int size() {
        return firstPreferred.length;
    }

    /** {@code n} comparisons labelled by {@code gold} at temperature {@code temperature}. */
    public static PreferenceData sample(GoldReward gold, int n, double temperature, SplittableRandom rng) {
        if (n < 1) throw new IllegalArgumentException("at least one comparison");
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive");
        int k = gold.dimension();
        int m = QuadraticRewardModel.featureCount(k);
        double[][] diff = new double[n][m];
        boolean[] label = new boolean[n];
        double[] a = new double[k];
        double[] b = new double[k];
        double[] fa = new double[m];
        double[] fb = new double[m];
        for (int i = 0; i < n; i++) {
            Gaussian.fill(a, rng);
            Gaussian.fill(b, rng);
            double z = (gold.value(a) - gold.value(b)) / temperature;
            label[i] = rng.nextDouble() < BradleyTerry.sigmoid(z);
            QuadraticRewardModel.features(a, fa);
            QuadraticRewardModel.features(b, fb);
            for (int j = 0; j < m; j++) diff[i][j] = fa[j] - fb[j];
        }
        return new PreferenceData(diff, label);
    }
}
