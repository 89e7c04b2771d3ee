package org.alignlab.agendas.assistance;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * R's belief B^R = P(U_a) about the utility U_a its action a would give the human (Hadfield-Menell et al. 2017,
 * Sec. 2.2). The paper's analysis of a noisy human (Sec. 4) assumes a {@link Gaussian}; Theorem 1 holds for any
 * belief, so a {@link Uniform} and a finite {@link Discrete} belief are offered too.
 */
public sealed interface Prior permits Prior.Gaussian, Prior.Uniform, Prior.Discrete {

    /** E[U_a]: the value of acting directly (action a). */
    double mean();

    /** E[max(U_a, 0)], exactly. */
    double expectedPositivePart();

    /** E[max(−U_a, 0)], exactly. */
    double expectedNegativePart();

    /**
     * E[f(U_a)], exact for a discrete belief and by composite Gauss–Legendre quadrature otherwise. {@code breakpoints}
     * are values of U_a near which f bends sharply (see {@link HumanPolicy#breakpoints()}); the mesh puts panel edges
     * there.
     */
    double expect(DoubleUnaryOperator f, double... breakpoints);

    /** One draw of U_a. */
    double sample(SplittableRandom rng);

    static Gaussian gaussian(double mean, double sigma) {
        return new Gaussian(mean, sigma);
    }

    /** B^R(U_a) = N(U_a; μ, σ²), the belief of the paper's Figs. 2–3 and Theorem 2. */
    record Gaussian(double mean, double sigma) implements Prior {
        // Quadrature runs over z = (u − μ)/σ ∈ [−12, 12]: the mass outside is 3.6e-33, far below rounding.
        private static final double Z_RANGE = 12.0;
        private static final int Z_PANELS = 24;

        public Gaussian {
            if (!Double.isFinite(mean)) throw new IllegalArgumentException("mean must be finite: " + mean);
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("sigma must be positive and finite: " + sigma
                        + " (a certain belief is a Discrete prior with one value)");
            }
        }

        public double variance() {
            return sigma * sigma;
        }

        /** B^R's density at u. */
        public double density(double u) {
            return StandardNormal.pdf((u - mean) / sigma) / sigma;
        }

        // E[max(U, 0)] = μΦ(μ/σ) + σφ(μ/σ) = σ·ψ(−μ/σ), ψ the standard normal loss function (no cancellation).
        @Override
        public double expectedPositivePart() {
            return sigma * StandardNormal.loss(-mean / sigma);
        }

        // E[max(−U, 0)] = −μΦ(−μ/σ) + σφ(μ/σ) = σ·ψ(μ/σ).
        @Override
        public double expectedNegativePart() {
            return sigma * StandardNormal.loss(mean / sigma);
        }

        @Override
        public double expect(DoubleUnaryOperator f, double... breakpoints) {
            double[] zs = new double[breakpoints.length];
            for (int i = 0; i < zs.length; i++) zs[i] = (breakpoints[i] - mean) / sigma;
            double[] edges = Quadrature.mesh(-Z_RANGE, Z_RANGE, Z_PANELS, zs);
            return Quadrature.integrate(z -> f.applyAsDouble(mean + sigma * z) * StandardNormal.pdf(z), edges);
        }

        /**
         * Box–Muller with {@link StrictMath}, so that a seed gives the same draws on every JVM
         * ({@code RandomGenerator.nextGaussian}'s algorithm is not specified and has changed between releases).
         */
        @Override
        public double sample(SplittableRandom rng) {
            double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log is finite
            double u2 = rng.nextDouble();
            return mean + sigma * StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
        }
    }

    /** U_a uniform on [lo, hi]. */
    record Uniform(double lo, double hi) implements Prior {
        private static final int PANELS = 32;

        public Uniform {
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
                throw new IllegalArgumentException("need finite lo < hi: [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public double mean() {
            return 0.5 * (lo + hi);
        }

        @Override
        public double expectedPositivePart() {
            if (lo >= 0) return mean();
            if (hi <= 0) return 0;
            return hi * hi / (2 * (hi - lo));
        }

        @Override
        public double expectedNegativePart() {
            if (hi <= 0) return -mean();
            if (lo >= 0) return 0;
            return lo * lo / (2 * (hi - lo));
        }

        @Override
        public double expect(DoubleUnaryOperator f, double... breakpoints) {
            double[] edges = Quadrature.mesh(lo, hi, PANELS, breakpoints);
            return Quadrature.integrate(f, edges) / (hi - lo);
        }

        @Override
        public double sample(SplittableRandom rng) {
            return lo + (hi - lo) * rng.nextDouble();
        }
    }

    /**
     * A finite belief: U_a = values[i] with probability probabilities[i]. One value is the Dirac belief of the paper's
     * Corollary 1.
     */
    record Discrete(double[] values, double[] probabilities) implements Prior {
        public Discrete {
            if (values.length == 0 || values.length != probabilities.length) {
                throw new IllegalArgumentException("need as many probabilities as values, at least one");
            }
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) throw new IllegalArgumentException("values must be finite");
                if (!(probabilities[i] >= 0)) throw new IllegalArgumentException("probabilities must be >= 0");
                sum += probabilities[i];
            }
            if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("probabilities sum to " + sum + ", not 1");
            values = values.clone();
            probabilities = probabilities.clone();
        }

        /** The Dirac belief: R is certain that U_a = value. */
        public static Discrete certain(double value) {
            return new Discrete(new double[] {value}, new double[] {1});
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public double mean() {
            return expect(u -> u);
        }

        @Override
        public double expectedPositivePart() {
            return expect(u -> Math.max(u, 0));
        }

        @Override
        public double expectedNegativePart() {
            return expect(u -> Math.max(-u, 0));
        }

        @Override
        public double expect(DoubleUnaryOperator f, double... breakpoints) {
            double s = 0;
            for (int i = 0; i < values.length; i++) s += probabilities[i] * f.applyAsDouble(values[i]);
            return s;
        }

        @Override
        public double sample(SplittableRandom rng) {
            double r = rng.nextDouble();
            double c = 0;
            for (int i = 0; i < values.length - 1; i++) {
                c += probabilities[i];
                if (r < c) return values[i];
            }
            return values[values.length - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Discrete d && Arrays.equals(values, d.values)
                    && Arrays.equals(probabilities, d.probabilities);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + Arrays.hashCode(probabilities);
        }

        @Override
        public String toString() {
            return "Discrete[values=" + Arrays.toString(values) + ", probabilities=" + Arrays.toString(probabilities)
                    + "]";
        }
    }
}
