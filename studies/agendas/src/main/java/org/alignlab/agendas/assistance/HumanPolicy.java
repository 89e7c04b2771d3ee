package org.alignlab.agendas.assistance;

import org.alignlab.core.Numbers;

/**
 * H's policy π_H: the probability that H, once R has waited (w(a)), lets R go ahead with a (does not press the
 * off switch), as a function of the action's true utility U_a (Hadfield-Menell et al. 2017, Sec. 2.2).
 */
public sealed interface HumanPolicy permits HumanPolicy.Rational, HumanPolicy.Boltzmann {

    /** π_H(u). */
    double allow(double u);

    /** 1 − π_H(u), computed without cancellation when π_H(u) is close to 1. */
    double refuse(double u);

    /** Values of u near which π_H bends sharply, for quadrature meshes. */
    double[] breakpoints();

    /** A short label for tables and plots, e.g. "rational" or "beta=0.25". */
    String label();

    static Rational rational() {
        return new Rational();
    }

    /** The noisily rational human with noise β; β = 0 is the rational human (the β → 0 limit). */
    static HumanPolicy boltzmann(double beta) {
        return beta == 0 ? new Rational() : new Boltzmann(beta);
    }

    /** The rational human, Eq. 2: π_H(u) = 1 if u ≥ 0, else 0 — she switches R off iff that helps her. */
    record Rational() implements HumanPolicy {
        @Override
        public double allow(double u) {
            return u >= 0 ? 1 : 0;
        }

        @Override
        public double refuse(double u) {
            return u >= 0 ? 0 : 1;
        }

        @Override
        public double[] breakpoints() {
            return new double[] {0};
        }

        @Override
        public String label() {
            return "rational";
        }
    }

    /**
     * The noisily rational (Boltzmann) human, Eq. 5: π_H(u; β) = 1/(1 + exp(−u/β)). β measures her suboptimality:
     * β → 0 recovers the rational human, β → ∞ a human who switches R off at random, independently of u.
     */
    record Boltzmann(double beta) implements HumanPolicy {
        // The logistic is within e^-64 of a step beyond 64β from 0; panel edges at ±β·2^k resolve it.
        private static final double[] SCALES = {0.5, 1, 2, 4, 8, 16, 32, 64};

        public Boltzmann {
            if (!(beta > 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("beta must be positive and finite: " + beta
                        + " (use HumanPolicy.rational() for beta = 0)");
            }
        }

        @Override
        public double allow(double u) {
            return 1.0 / (1.0 + Math.exp(-u / beta));
        }

        @Override
        public double refuse(double u) {
            return 1.0 / (1.0 + Math.exp(u / beta));
        }

        /** dπ_H/du = π_H(1 − π_H)/β, the integrand of Eq. 10. */
        public double slope(double u) {
            return allow(u) * refuse(u) / beta;
        }

        @Override
        public double[] breakpoints() {
            double[] out = new double[2 * SCALES.length + 1];
            out[0] = 0;
            for (int i = 0; i < SCALES.length; i++) {
                out[2 * i + 1] = -SCALES[i] * beta;
                out[2 * i + 2] = SCALES[i] * beta;
            }
            return out;
        }

        @Override
        public String label() {
            return "beta=" + Numbers.fmt(beta);
        }
    }
}
