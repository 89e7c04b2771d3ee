package org.alignlab.robust.superposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeometryTest {

    private static double[][] polygon(int k, double radius) {
        double[][] w = new double[k][];
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            w[i] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        return w;
    }

    @Test
    void dimensionalityByHand() {
        // W_0 = (1, 0), W_1 = (1, 1): D_0 = 1 / (1 + 1) = 1/2; D_1 = 2 / ((1/√2)² + (√2)²) = 2 / 2.5 = 0.8.
        double[] d = Geometry.dimensionality(new double[][] {{1, 0}, {1, 1}});
        assertEquals(0.5, d[0], 1e-12);
        assertEquals(0.8, d[1], 1e-12);
        // Antipodal pair: 1/2 each; an orthogonal feature alongside: 1; an unrepresented one: 0.
        assertArrayEquals(new double[] {0.5, 0.5, 1, 0},
                Geometry.dimensionality(new double[][] {{0.9, 0}, {-0.9, 0}, {0, 1.1}, {0, 0}}), 1e-12);
        // Regular polygons in 2-D: D = 2/k (triangle 2/3, square 1/2, pentagon 2/5), whatever the radius.
        for (int k = 3; k <= 6; k++)
            for (double v : Geometry.dimensionality(polygon(k, 0.7 + 0.1 * k))) assertEquals(2.0 / k, v, 1e-12);
        // Tetrahedron in 3-D: 1 + 3 (1/3)² = 4/3, D = 3/4.
        double[][] tetra = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
        for (double v : Geometry.dimensionality(tetra)) assertEquals(0.75, v, 1e-12);
        // Square antiprism (8 points on the sphere in 3-D, a tight frame): 3/8.
        double[][] anti = new double[8][];
        double z = Math.sqrt(1.0 / 3); // makes the frame tight: sum of z² = 8/3 = 8 · (1/3)
        double r = Math.sqrt(1 - z * z);
        for (int i = 0; i < 8; i++) {
            double a = Math.PI / 4 * i;
            anti[i] = new double[] {r * Math.cos(a), r * Math.sin(a), i % 2 == 0 ? z : -z};
        }
        for (double v : Geometry.dimensionality(anti)) assertEquals(3.0 / 8, v, 1e-12);
    }

    @Test
    void dimensionalitySumsToAtMostTheDimensionSeededLoop() {
        // Σ_i D_i ≤ m for any W (the leverage-score bound noted in the paper's comments), each D_i in [0, 1].
        SplittableRandom rng = new SplittableRandom(11);
        for (int t = 0; t < 200; t++) {
            int m = 1 + rng.nextInt(4), n = m + rng.nextInt(8);
            double[][] w = new double[n][m];
            for (double[] row : w) for (int j = 0; j < m; j++) row[j] = rng.nextGaussian();
            double sum = 0;
            for (double v : Geometry.dimensionality(w)) {
                assertTrue(v > 0 && v <= 1 + 1e-12, "D_i " + v);
                sum += v;
            }
            assertTrue(sum <= m + 1e-9, "sum " + sum + " > m " + m);
        }
    }

    @Test
    void dimensionsPerFeatureAnglesAndCosines() {
        assertEquals(2.0 / 5 / (0.81), Geometry.dimensionsPerFeature(polygon(5, 0.9)), 1e-12);
        for (double g : Geometry.angleGaps(polygon(5, 1))) assertEquals(72, g, 1e-9);
        assertArrayEquals(new double[] {90, 90, 180}, Geometry.angleGaps(new double[][] {{0, 1}, {1, 0}, {0, -1}}),
                1e-9);
        assertThrows(IllegalArgumentException.class, () -> Geometry.angleGaps(new double[][] {{1, 0, 0}}));
        assertEquals(-1, Geometry.minCosineRepresented(new double[][] {{1, 0}, {-1, 0}, {0.01, 0.3}}), 1e-12);
        assertEquals(2, Geometry.represented(new double[][] {{1, 0}, {-1, 0}, {0.01, 0.3}}));
        assertEquals(0, Geometry.maxAbsCosine(new double[][] {{1, 0}, {0, 2}}, 2), 1e-15);
        assertEquals(0.01, Geometry.distanceToSticky(0.41), 1e-12);
        assertEquals(0.025, Geometry.distanceToSticky(0.725), 1e-12);
    }

    @Test
    void halfPlateauMeasuresTheLongestRunInDecades() {
        double[] s = {0, 0.9, 0.99, 0.999, 0.9999};
        assertEquals(2, SuperpositionExperiment.halfPlateau(s, new double[] {1, 0.5, 0.49, 0.52, 0.3}), 1e-9);
        assertEquals(1, SuperpositionExperiment.halfPlateau(s, new double[] {0.51, 0.5, 0.3, 0.5, 0.3}), 1e-9);
        assertEquals(0, SuperpositionExperiment.halfPlateau(s, new double[] {1, 0.5, 0.3, 0.2, 0.1}), 1e-12);
    }

    @Test
    void sparseFeaturesHaveTheStatedDistributionSeededLoop() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] sparsity = {0, 0.3, 0.9};
        int batch = 4000, n = 5;
        float[] buf = new float[sparsity.length * batch * n];
        SparseFeatures.fill(buf, sparsity, batch, n, rng);
        for (int k = 0; k < sparsity.length; k++) {
            int zeros = 0;
            double sum = 0;
            for (int i = k * batch * n; i < (k + 1) * batch * n; i++) {
                assertTrue(buf[i] >= 0 && buf[i] < 1);
                if (buf[i] == 0) zeros++;
                else sum += buf[i];
            }
            double total = batch * n;
            // Standard error of a share over 20,000 draws is at most 0.0035; of a uniform mean over >= 2,000, 0.0065.
            assertEquals(sparsity[k], zeros / total, 0.015, "share of zeros at S=" + sparsity[k]);
            assertEquals(0.5, sum / (total - zeros), 0.03, "mean of the active features at S=" + sparsity[k]);
        }
        assertThrows(IllegalArgumentException.class, () -> SparseFeatures.fill(new float[3], sparsity, 1, 2, rng));
    }
}
