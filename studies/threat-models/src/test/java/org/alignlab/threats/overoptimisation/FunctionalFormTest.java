package org.alignlab.threats.overoptimisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FunctionalFormTest {

    private static double[] grid(int n, double lo, double hi) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = lo + (hi - lo) * i / (n - 1);
        return d;
    }

    @ParameterizedTest
    @EnumSource(FunctionalForm.class)
    void fitRecoversExactCoefficients(FunctionalForm form) {
        SplittableRandom rng = new SplittableRandom(form.ordinal() + 1);
        for (int t = 0; t < 50; t++) {
            double alpha = 0.2 + 2 * rng.nextDouble();
            double beta = -0.5 + 1.5 * rng.nextDouble();
            double[] d = grid(5 + rng.nextInt(40), 0.05 + rng.nextDouble(), 2 + 3 * rng.nextDouble());
            double[] r = new double[d.length];
            for (int i = 0; i < d.length; i++) r[i] = form.value(d[i], alpha, beta);
            FunctionalForm.Fit fit = form.fit(d, r);
            assertEquals(alpha, fit.alpha(), 1e-9);
            assertEquals(beta, fit.beta(), 1e-9);
            assertEquals(1, fit.r2(), 1e-12);
            assertTrue(fit.maxAbsResidual() < 1e-9);
        }
    }

    @ParameterizedTest
    @EnumSource(FunctionalForm.class)
    void fitRecoversCoefficientsThroughNoise(FunctionalForm form) {
        SplittableRandom rng = new SplittableRandom(42 + form.ordinal());
        double[] d = grid(200, 0.1, 3);
        double[] noise = new double[d.length];
        for (int t = 0; t < 20; t++) {
            double alpha = 0.5 + rng.nextDouble();
            double beta = 0.05 + 0.5 * rng.nextDouble();
            Gaussian.fill(noise, rng);
            double[] r = new double[d.length];
            for (int i = 0; i < d.length; i++) r[i] = form.value(d[i], alpha, beta) + 0.01 * noise[i];
            FunctionalForm.Fit fit = form.fit(d, r);
            // Standard errors of α, β here are below 0.005 (200 points, noise 0.01); 0.03 is over six of them.
            assertEquals(alpha, fit.alpha(), 0.03);
            assertEquals(beta, fit.beta(), 0.03);
            assertTrue(fit.r2() > 0.9);
            assertEquals(d.length, fit.residuals().length);
        }
    }

    @Test
    void theOtherLawFitsWorse() {
        double[] d = grid(30, 0.2, 3);
        double[] quadratic = new double[d.length];
        double[] logarithmic = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            quadratic[i] = FunctionalForm.BEST_OF_N.value(d[i], 1, 0.3);
            logarithmic[i] = FunctionalForm.RL.value(d[i], 0.5, 0.6);
        }
        assertTrue(FunctionalForm.RL.fit(d, quadratic).r2() < 1 - 1e-4);
        assertTrue(FunctionalForm.BEST_OF_N.fit(d, logarithmic).r2() < 1 - 1e-4);
    }

    @Test
    void peaksAreTheMaximaOfTheLaws() {
        assertEquals(1.0 / (2 * 0.25), FunctionalForm.BEST_OF_N.peak(1, 0.25), 1e-15);
        assertEquals(Math.exp(1 / 0.5 - 1), FunctionalForm.RL.peak(1, 0.5), 1e-15);
        for (FunctionalForm f : FunctionalForm.values()) {
            double alpha = 0.8;
            double beta = 0.3;
            double p = f.peak(alpha, beta);
            double h = 1e-4;
            double top = f.value(p, alpha, beta);
            assertTrue(top > f.value(p - h, alpha, beta) && top > f.value(p + h, alpha, beta), f.name());
            assertEquals(FunctionalForm.NO_PEAK, f.peak(alpha, -0.1));
            assertEquals(FunctionalForm.NO_PEAK, f.peak(alpha, 0));
        }
        assertEquals(FunctionalForm.NO_PEAK, FunctionalForm.BEST_OF_N.peak(-1, 0.5));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FunctionalForm.BEST_OF_N.fit(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> FunctionalForm.BEST_OF_N.fit(new double[] {0, 1, 2}, new double[] {0, 1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> FunctionalForm.RL.fit(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> FunctionalForm.RL.fit(new double[] {1, 1, 1}, new double[] {1, 2, 3}));
    }
}
