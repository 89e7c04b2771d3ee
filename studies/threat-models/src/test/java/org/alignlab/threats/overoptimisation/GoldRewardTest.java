package org.alignlab.threats.overoptimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoldRewardTest {

    @Test
    void goldHasMeanZeroAndSdOneUnderTheBasePolicy() {
        for (GoldReward g : new GoldReward[] {GoldReward.evenlySpaced(8, 1, 2), GoldReward.evenlySpaced(3, 0.5, 4),
                GoldReward.evenlySpaced(1, 1.5, 1.5)}) {
            SplittableRandom rng = new SplittableRandom(g.dimension());
            double[] x = new double[g.dimension()];
            int n = 400_000;
            double[] v = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                Gaussian.fill(x, rng);
                v[i] = g.value(x);
                sum += v[i];
            }
            double mean = sum / n;
            double m2 = 0;
            double m4 = 0;
            for (double vi : v) {
                double c = (vi - mean) * (vi - mean);
                m2 += c;
                m4 += c * c;
            }
            m2 /= n;
            m4 /= n;
            // Five standard errors each: the mean's is √(var/n); the variance's √((m4 − var²)/n), large here
            // because the quartic term has heavy tails.
            assertEquals(0, mean, 5 * Math.sqrt(m2 / n), g.toString());
            assertEquals(1, m2, 5 * Math.sqrt((m4 - m2 * m2) / n), g.toString());
        }
    }

    @Test
    void eachFeatureHelpsUpToItsBendThenHurts() {
        GoldReward g = GoldReward.evenlySpaced(3, 1, 2);
        assertArrayEquals(new double[] {1, 1.5, 2}, g.bends(), 0);
        for (int j = 0; j < 3; j++) {
            double c = g.bends()[j];
            double[] x = new double[3];
            x[j] = c;
            double atBend = g.value(x);
            x[j] = c - 0.01;
            double before = g.value(x);
            x[j] = c + 0.01;
            double after = g.value(x);
            assertTrue(atBend > before && atBend > after, "feature " + j);
            x[j] = 3 * c;
            assertTrue(g.value(x) < g.value(new double[3]), "far beyond the bend is worse than the base mean");
        }
    }

    @Test
    void recordIsImmutableAndChecked() {
        double[] c = {1, 2};
        GoldReward g = new GoldReward(c);
        c[0] = 9;
        assertEquals(1, g.bends()[0]);
        g.bends()[1] = 9;
        assertEquals(2, g.bends()[1]);
        assertEquals(new GoldReward(new double[] {1, 2}), g);
        assertThrows(IllegalArgumentException.class, () -> new GoldReward(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new GoldReward(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> GoldReward.evenlySpaced(0, 1, 2));
    }

    @Test
    void sortingIsStableAndAscending() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int t = 0; t < 30; t++) {
            int n = 1 + rng.nextInt(3000);
            double[] keys = new double[n];
            for (int i = 0; i < n; i++) keys[i] = rng.nextInt(50) / 7.0; // many ties
            int[] order = Sorting.ascending(keys);
            Integer[] expected = new Integer[n];
            for (int i = 0; i < n; i++) expected[i] = i;
            Arrays.sort(expected, (a, b) -> Double.compare(keys[a], keys[b])); // stable
            for (int i = 0; i < n; i++) assertEquals(expected[i].intValue(), order[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> Sorting.ascending(new double[] {1, Double.NaN}));
    }
}
