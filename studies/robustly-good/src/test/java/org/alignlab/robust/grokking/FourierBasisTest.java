package org.alignlab.robust.grokking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FourierBasisTest {
    @ParameterizedTest(name = "p = {0}")
    @ValueSource(ints = {3, 5, 23, 113})
    void theBasisIsOrthonormal(int p) {
        FourierBasis f = FourierBasis.of(p);
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) {
                double dot = 0;
                double[] u = f.row(i), v = f.row(j);
                for (int x = 0; x < p; x++) dot += u[x] * v[x];
                assertEquals(i == j ? 1 : 0, dot, 1e-10, "rows " + i + ", " + j);
            }
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(ints = {3, 7, 23})
    void theSumDirectionsAreOrthonormal(int p) {
        FourierBasis f = FourierBasis.of(p);
        int n = f.frequencies();
        for (int i = 0; i < 2 * n; i++)
            for (int j = 0; j < 2 * n; j++) {
                double[] u = f.sumDirection(1 + i / 2, i % 2 == 0), v = f.sumDirection(1 + j / 2, j % 2 == 0);
                double dot = 0;
                for (int r = 0; r < u.length; r++) dot += u[r] * v[r];
                assertEquals(i == j ? 1 : 0, dot, 1e-10, i + ", " + j);
            }
        // cos(w (a + b)) over the grid, value at (a, b) = (2, 1)
        double[] c = f.sumDirection(1, true);
        assertEquals(Math.sqrt(2) / p * Math.cos(2 * Math.PI * 3 / p), c[2 * p + 1], 1e-12);
    }

    @Test
    void frequencyNormsKeepTheTotalNormAndFindAPureWave() {
        int p = 23, cols = 5;
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            float[] w = new float[(p + 1) * cols]; // an extra row (the "=" token) must be ignored
            double total = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rng.nextGaussian();
                if (i < p * cols) total += w[i] * (double) w[i];
            }
            double[] norms = FourierBasis.of(p).frequencyNorms(w, cols);
            double sum = 0;
            for (double x : norms) sum += x * x;
            assertEquals(total, sum, 1e-9 * total);
        }
        // column 0 = 3 cos(2 pi 4 x / p), column 1 = sin(2 pi 4 x / p): all the norm at frequency 4
        float[] w = new float[p * 2];
        for (int x = 0; x < p; x++) {
            w[2 * x] = (float) (3 * Math.cos(2 * Math.PI * 4 * x / p));
            w[2 * x + 1] = (float) Math.sin(2 * Math.PI * 4 * x / p);
        }
        double[] norms = FourierBasis.of(p).frequencyNorms(w, 2);
        for (int k = 0; k < norms.length; k++)
            assertEquals(k == 4 ? Math.sqrt((9 + 1) * p / 2.0) : 0, norms[k], 1e-4, "k = " + k);
    }

    @Test
    void keyFrequenciesAreTheGroupBeforeTheLargestDrop() {
        double[] spectrum = {0.3, 0.1, 5, 0.2, 4, 0.15, 6, 0.1, 0.12, 0.1, 0.11, 0.1};
        assertArrayEquals(new int[] {2, 4, 6}, GrokkingExperiment.keyFrequencies(spectrum));
        assertEquals((25 + 16 + 36) / total(spectrum), GrokkingExperiment.share(spectrum, new int[] {2, 4, 6}), 1e-12);
        double[] one = {0, 1, 1, 9, 1, 1};
        assertArrayEquals(new int[] {3}, GrokkingExperiment.keyFrequencies(one));
    }

    private static double total(double[] s) {
        double t = 0;
        for (double x : s) t += x * x;
        return t;
    }

    @Test
    void evenOrTinyModuliAreRefused() {
        var ex = assertThrows(UsageException.class, () -> FourierBasis.of(10));
        assertEquals("the Fourier basis needs an odd p >= 3, got 10", ex.getMessage());
    }
}
