package org.alignlab.threats.overoptimisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {

    /** Comparisons whose true preference is exactly Bradley–Terry in φ with weights {@code w}. */
    private static PreferenceData wellSpecified(double[] w, int n, SplittableRandom rng) {
        int k = w.length / 2;
        double[][] diff = new double[n][2 * k];
        boolean[] y = new boolean[n];
        double[] a = new double[k];
        double[] b = new double[k];
        double[] fa = new double[2 * k];
        double[] fb = new double[2 * k];
        for (int i = 0; i < n; i++) {
            Gaussian.fill(a, rng);
            Gaussian.fill(b, rng);
            QuadraticRewardModel.features(a, fa);
            QuadraticRewardModel.features(b, fb);
            for (int j = 0; j < 2 * k; j++) diff[i][j] = fa[j] - fb[j];
            y[i] = rng.nextDouble() < BradleyTerry.sigmoid(BradleyTerry.dot(w, diff[i]));
        }
        return new PreferenceData(diff, y);
    }

    @Test
    void recoversTheWeightsOfAWellSpecifiedModel() {
        SplittableRandom rng = new SplittableRandom(17);
        double[] w = {1.0, -0.5, 0.3, -0.4, 0.2, 0.0};
        QuadraticRewardModel fit = BradleyTerry.fit(wellSpecified(w, 40_000, rng), 1e-3);
        // Standard errors of the MLE here are about 0.01; 0.05 is five of them.
        for (int j = 0; j < w.length; j++) assertEquals(w[j], fit.weights()[j], 0.05, "weight " + j);
    }

    @Test
    void theFitIsAStationaryPointOfThePenalisedLoss() {
        SplittableRandom rng = new SplittableRandom(2);
        GoldReward gold = GoldReward.evenlySpaced(4, 1, 2);
        for (int n : new int[] {10, 64, 500}) {
            PreferenceData data = PreferenceData.sample(gold, n, 1.0, rng);
            for (double ridge : new double[] {1e-3, 1, 30}) {
                double[] w = BradleyTerry.fit(data, ridge).weights();
                double[] g = BradleyTerry.gradient(data, w, ridge);
                for (double gj : g) assertEquals(0, gj, 1e-7, "n=" + n + " ridge=" + ridge);
                // and a minimum: nudging any weight raises the loss
                double at = BradleyTerry.loss(data, w, ridge);
                for (int j = 0; j < w.length; j++) {
                    double[] v = w.clone();
                    v[j] += 1e-3;
                    assertTrue(BradleyTerry.loss(data, v, ridge) >= at);
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(6);
        PreferenceData data = PreferenceData.sample(GoldReward.evenlySpaced(3, 1, 2), 200, 0.5, rng);
        double[] w = {0.3, -0.2, 0.5, 0.1, -0.4, 0.2};
        double[] g = BradleyTerry.gradient(data, w, 0.7);
        for (int j = 0; j < w.length; j++) {
            double h = 1e-6;
            double[] up = w.clone();
            double[] down = w.clone();
            up[j] += h;
            down[j] -= h;
            double fd = (BradleyTerry.loss(data, up, 0.7) - BradleyTerry.loss(data, down, 0.7)) / (2 * h);
            assertEquals(fd, g[j], 1e-5 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void separableDataStaysFiniteWithARidge() {
        // Two comparisons that one weight separates perfectly: without a penalty the MLE is infinite.
        PreferenceData data = new PreferenceData(new double[][] {{1, 0}, {-1, 0}}, new boolean[] {true, false});
        double[] w = BradleyTerry.fit(data, 0.1).weights();
        assertTrue(Double.isFinite(w[0]) && w[0] > 1);
        assertThrows(IllegalArgumentException.class, () -> BradleyTerry.fit(data, 0));
    }

    @Test
    void moreComparisonsMakeABetterProxy() {
        GoldReward gold = GoldReward.evenlySpaced(8, 1, 2);
        double[] corr = new double[3];
        int[] sizes = {32, 512, 8192};
        for (int s = 0; s < sizes.length; s++) {
            QuadraticRewardModel m = BradleyTerry.fit(
                    PreferenceData.sample(gold, sizes[s], 1.0, new SplittableRandom(100 + s)), 1.0);
            corr[s] = ProxyPool.draw(gold, m, 1 << 14, new SplittableRandom(7)).correlation();
        }
        assertTrue(corr[0] < corr[1] && corr[1] < corr[2], java.util.Arrays.toString(corr));
        assertTrue(corr[2] > 0.85);
    }

    @Test
    void labelsFollowTheBradleyTerryProbability() {
        // With a tiny temperature the better output always wins; with a huge one labels are coin flips.
        GoldReward gold = GoldReward.evenlySpaced(2, 1, 1);
        SplittableRandom rng = new SplittableRandom(12);
        PreferenceData sharp = PreferenceData.sample(gold, 2000, 1e-6, rng);
        PreferenceData flat = PreferenceData.sample(gold, 20_000, 1e6, rng);
        int wins = 0;
        for (boolean b : flat.firstPreferred()) if (b) wins++;
        assertEquals(0.5, wins / 20_000.0, 0.02);
        assertEquals(2000, sharp.size());
        assertThrows(IllegalArgumentException.class, () -> PreferenceData.sample(gold, 0, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> PreferenceData.sample(gold, 5, 0, rng));
    }
}
