package org.alignlab.agendas.assistance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardNormalTest {

    // ψ(t) = φ(t) − t·Q(t), reference values from 40-digit arithmetic (mpmath).
    @ParameterizedTest
    @CsvSource({
        "0,   0.39894228040143267794",
        "1,   0.083315470587686298383",
        "2.5, 0.0020041371791281994447",
        "5,   5.3461655338328149539e-8",
        "10,  7.4745602545893280366e-25",
        "20,  1.3700124947295799431e-90",
        "30,  1.6319567340914011894e-199"})
    void lossMatchesHighPrecisionValues(double t, double expected) {
        assertEquals(expected, StandardNormal.loss(t), 1e-13 * expected, "psi(" + t + ")");
    }

    @Test
    void lossOfNegativeArgumentAddsTheArgument() {
        // ψ(t) − ψ(−t) = E[max(Z − t, 0)] − E[max(Z + t, 0)] = −t (Z is symmetric; max(x,0) − max(−x,0) = x).
        for (double t = 0.05; t < 12; t *= 1.3) {
            assertEquals(-t, StandardNormal.loss(t) - StandardNormal.loss(-t), 1e-14 * (1 + t));
        }
    }

    @Test
    void lossIsPositiveDecreasingAndContinuousAcrossTheContinuedFractionSwitch() {
        double prev = Double.POSITIVE_INFINITY;
        for (double t = -5; t < 37; t += 0.01) {
            double v = StandardNormal.loss(t);
            assertTrue(v > 0, "psi(" + t + ") = " + v);
            assertTrue(v < prev, "psi must fall at t = " + t);
            prev = v;
        }
        double below = StandardNormal.loss(Math.nextDown(4.0));
        double above = StandardNormal.loss(4.0);
        assertEquals(below, above, 1e-13 * above);
    }

    @Test
    void tailsAreAccurate() {
        assertEquals(0.5, StandardNormal.cdf(0), 1e-16);
        // Q(10) = 7.619853024160526e-24 (mpmath)
        assertEquals(7.619853024160526e-24, StandardNormal.upperTail(10), 1e-13 * 7.62e-24);
        assertEquals(StandardNormal.INV_SQRT_2PI, StandardNormal.pdf(0), 0);
        assertEquals(1 / Math.sqrt(2 * Math.PI), StandardNormal.INV_SQRT_2PI, 1e-16);
    }
}
