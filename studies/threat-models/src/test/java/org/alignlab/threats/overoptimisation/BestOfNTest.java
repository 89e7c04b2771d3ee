package org.alignlab.threats.overoptimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BestOfNTest {

    /** Mean and standard error of log(π_bon(x)/π_0(x)) over draws of the best of n. */
    private static double[] monteCarloKl(int n, int draws, SplittableRandom rng, boolean gaussian) {
        NormalDistribution normal = new NormalDistribution(0, 1);
        double[] x = new double[n];
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < draws; t++) {
            double best = Double.NEGATIVE_INFINITY;
            if (gaussian) {
                Gaussian.fill(x, rng);
                for (double v : x) best = Math.max(best, v);
            } else {
                for (int i = 0; i < n; i++) best = Math.max(best, rng.nextDouble());
            }
            // π_bon(x)/π_0(x) = n F(x)^(n-1) for a continuous base distribution with CDF F.
            double f = gaussian ? normal.cumulativeProbability(best) : best;
            double v = Math.log(n) + (n - 1) * Math.log(f);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / draws;
        double sd = Math.sqrt(Math.max(0, sumSq / draws - mean * mean));
        return new double[] {mean, sd / Math.sqrt(draws)};
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 3, 5, 10, 40})
    void klFormulaMatchesMonteCarloForUniformAndGaussianBases(int n) {
        SplittableRandom rng = new SplittableRandom(11 + n);
        for (boolean gaussian : new boolean[] {false, true}) {
            double[] mc = monteCarloKl(n, 100_000, rng, gaussian);
            double exact = BestOfN.kl(n);
            // 4.5 standard errors: a false alarm about 1 time in 10^5; dropping the (n-1)/n term is ~100 SEs away.
            assertEquals(exact, mc[0], 4.5 * mc[1], "n=" + n + " gaussian=" + gaussian + " se=" + mc[1]);
        }
    }

    @Test
    void klOfBestOfOneIsZeroAndGrowsLikeLogN() {
        assertEquals(0, BestOfN.kl(1), 0);
        assertEquals(Math.log(2) - 0.5, BestOfN.kl(2), 1e-15);
        double previous = 0;
        for (int n = 2; n < 5000; n *= 3) {
            assertTrue(BestOfN.kl(n) > previous);
            previous = BestOfN.kl(n);
            assertEquals(BestOfN.kl(n), BestOfN.distance(n) * BestOfN.distance(n), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> BestOfN.kl(0));
    }

    @Test
    void poolKlIsJustBelowTheFormulaWhenThePoolIsAtLeastSixteenTimesN() {
        // The tolerance of the kl-bon-formula claim (1e-3) rests on this: the gap is at most ~2e-4 for P ≥ 16 n.
        for (int log2P = 10; log2P <= 17; log2P++) {
            BestOfN bon = new BestOfN(1 << log2P);
            for (int n : BestOfN.grid(log2P - 4, 2)) {
                double gap = BestOfN.kl(n) - bon.poolKl(n);
                assertTrue(gap >= -1e-12, "P=2^" + log2P + " n=" + n + " gap " + gap);
                assertTrue(gap < 2e-4, "P=2^" + log2P + " n=" + n + " gap " + gap);
            }
        }
        // With a pool of 2 the gap is large: best-of-2 picks the top point with probability 3/4.
        BestOfN tiny = new BestOfN(2);
        double exact = 0.25 * Math.log(2 * 0.25) + 0.75 * Math.log(2 * 0.75);
        assertEquals(exact, tiny.poolKl(2), 1e-15);
    }

    @Test
    void weightsSumToOne() {
        for (int p : new int[] {1, 7, 1000, 1 << 14}) {
            BestOfN bon = new BestOfN(p);
            double[] ones = new double[p];
            Arrays.fill(ones, 1);
            for (int n : new int[] {1, 2, 5, 64, 4096}) assertEquals(1, bon.expectations(n, ones)[0], 1e-12);
        }
    }

    @Test
    void expectationsMatchDirectSimulationOfBestOfN() {
        SplittableRandom rng = new SplittableRandom(5);
        int p = 500;
        double[] values = new double[p];
        for (int i = 0; i < p; i++) values[i] = Math.sin(i) + 0.01 * i; // any column, indexed by proxy rank
        BestOfN bon = new BestOfN(p);
        for (int n : new int[] {1, 3, 17, 200}) {
            double exact = bon.expectations(n, values)[0];
            int trials = 200_000;
            double sum = 0;
            double sumSq = 0;
            for (int t = 0; t < trials; t++) {
                int best = -1;
                for (int i = 0; i < n; i++) best = Math.max(best, rng.nextInt(p)); // rank = index
                sum += values[best];
                sumSq += values[best] * values[best];
            }
            double mean = sum / trials;
            double se = Math.sqrt((sumSq / trials - mean * mean) / trials);
            assertEquals(exact, mean, 4.5 * se + 1e-12, "n=" + n);
        }
        assertThrows(IllegalArgumentException.class, () -> bon.expectations(2, new double[3]));
    }

    @Test
    void expectationOfAnIncreasingColumnIncreasesWithN() {
        int p = 1 << 12;
        double[] rank = new double[p];
        for (int i = 0; i < p; i++) rank[i] = i;
        BestOfN bon = new BestOfN(p);
        double previous = -1;
        for (int n : BestOfN.grid(8, 2)) {
            double e = bon.expectations(n, rank)[0];
            assertTrue(e > previous, "n=" + n);
            previous = e;
        }
    }

    @Test
    void gridDoublesByHalfOctavesAndEndsAtTheMaximum() {
        assertArrayEquals(new int[] {1, 2, 3, 4, 6, 8, 11, 16}, BestOfN.grid(4, 2));
        assertArrayEquals(new int[] {1, 2, 4, 8}, BestOfN.grid(3, 1));
        int[] g = BestOfN.grid(12, 4);
        assertEquals(4096, g[g.length - 1]);
        for (int i = 1; i < g.length; i++) assertTrue(g[i] > g[i - 1]);
        assertThrows(IllegalArgumentException.class, () -> BestOfN.grid(0, 2));
    }
}
