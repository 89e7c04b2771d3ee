package org.alignlab.agendas.assistance;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss–Legendre quadrature on a mesh of panels. Callers put panel edges where the integrand bends
 * sharply (the step of a rational human at U = 0, the logistic of a noisy one at scale β), so that it is smooth on
 * every panel and the 20-point rule (exact for polynomials of degree 39) is accurate to rounding.
 */
final class Quadrature {
    static final int POINTS = 20;
    private static final double[] NODES = new double[POINTS];
    private static final double[] WEIGHTS = new double[POINTS];

    static {
        // The double-precision rule: its nodes and weights are within 2e-16 of the BigDecimal ones
        // (legendreHighPrecision), which take over a second to compute.
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(POINTS);
        for (int i = 0; i < POINTS; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private Quadrature() {}

    /** ∫ f over [edges[0], edges[last]], one Gauss–Legendre panel between each pair of consecutive edges. */
    static double integrate(DoubleUnaryOperator f, double[] edges) {
        double total = 0;
        for (int p = 0; p + 1 < edges.length; p++) {
            double a = edges[p];
            double b = edges[p + 1];
            if (!(b > a)) continue;
            double half = 0.5 * (b - a);
            double mid = 0.5 * (a + b);
            double s = 0;
            for (int i = 0; i < POINTS; i++) s += WEIGHTS[i] * f.applyAsDouble(mid + half * NODES[i]);
            total += half * s;
        }
        return total;
    }

    /** Edges of {@code panels} equal panels on [lo, hi], plus the extra points that fall strictly inside, sorted. */
    static double[] mesh(double lo, double hi, int panels, double[] extra) {
        double[] out = new double[panels + 1 + extra.length];
        int n = 0;
        for (int i = 0; i <= panels; i++) out[n++] = i == panels ? hi : lo + (hi - lo) * i / panels;
        for (double x : extra) {
            if (x > lo && x < hi) out[n++] = x;
        }
        double[] edges = Arrays.copyOf(out, n);
        Arrays.sort(edges);
        return edges;
    }
}
