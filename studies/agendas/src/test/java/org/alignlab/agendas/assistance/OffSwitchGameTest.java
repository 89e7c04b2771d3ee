package org.alignlab.agendas.assistance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The off-switch game's library: closed forms, quadrature, Monte Carlo, and the paper's theorems as properties. */
class OffSwitchGameTest {

    private static final HumanPolicy RATIONAL = HumanPolicy.rational();

    private static OffSwitchGame gaussian(double mu, double sigma, HumanPolicy h) {
        return new OffSwitchGame(Prior.gaussian(mu, sigma), h);
    }

    // --- closed form, numerical integration and Monte Carlo agree ---------------------------------------------

    @Test
    void standardNormalWithRationalHumanIsOneOverRootTwoPi() {
        OffSwitchGame g = gaussian(0, 1, RATIONAL);
        assertEquals(1 / Math.sqrt(2 * Math.PI), g.incentive(), 1e-16);
        assertEquals(1 / Math.sqrt(2 * Math.PI), g.incentiveByDefinition(), 1e-16);
    }

    @RepeatedTest(20)
    void closedFormMatchesQuadratureForRationalHuman(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(1000 + rep.getCurrentRepetition());
        for (int k = 0; k < 50; k++) {
            double mu = -3 + 6 * rng.nextDouble();
            double sigma = 0.01 + 3 * rng.nextDouble();
            Prior.Gaussian b = Prior.gaussian(mu, sigma);
            // The textbook closed form E[max(U,0)] = μΦ(μ/σ) + σφ(μ/σ) ...
            double textbook = mu * StandardNormal.cdf(mu / sigma) + sigma * StandardNormal.pdf(mu / sigma);
            // ... the loss-function form the library uses, and quadrature of π_H(u)·u with the step at 0.
            double closed = b.expectedPositivePart();
            double quadrature = b.expect(u -> u * RATIONAL.allow(u), RATIONAL.breakpoints());
            double scale = Math.abs(mu) + sigma;
            assertEquals(textbook, closed, 1e-14 * scale, "mu=" + mu + " sigma=" + sigma);
            assertEquals(closed, quadrature, 1e-13 * scale, "mu=" + mu + " sigma=" + sigma);
            assertEquals(-mu + closed, b.expectedNegativePart(), 1e-13 * scale); // E[U⁻] = E[U⁺] − E[U]
        }
    }

    @Test
    void quadratureReproducesGaussianMoments() {
        Prior.Gaussian b = Prior.gaussian(0.7, 1.3);
        assertEquals(1.0, b.expect(u -> 1), 1e-15);
        assertEquals(0.7, b.expect(u -> u), 1e-15);
        assertEquals(0.49 + 1.69, b.expect(u -> u * u), 1e-14);
        assertEquals(Math.exp(0.7 + 0.5 * 1.69), b.expect(Math::exp), 1e-13);
    }

    @Test
    void uniformClosedFormsMatchQuadrature() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int k = 0; k < 200; k++) {
            double a = -2 + 4 * rng.nextDouble();
            double c = a + 0.01 + 3 * rng.nextDouble();
            Prior.Uniform u = new Prior.Uniform(a, c);
            assertEquals(u.expectedPositivePart(), u.expect(x -> Math.max(x, 0), 0), 1e-14);
            assertEquals(u.expectedNegativePart(), u.expect(x -> Math.max(-x, 0), 0), 1e-14);
            assertEquals(u.mean(), u.expect(x -> x), 1e-14);
        }
    }

    @Test
    void monteCarloMatchesExactForRationalHuman() {
        OffSwitchGame g = gaussian(0, 1, RATIONAL);
        MonteCarloEstimate e = g.incentiveMonteCarlo(1 << 20, new SplittableRandom(42));
        // SE = sd(max(U,0))/√n with Var(max(U,0)) = 1/2 − 1/(2π).
        double se = Math.sqrt(0.5 - 1 / (2 * Math.PI)) / Math.sqrt(1 << 20);
        assertEquals(se, e.standardError(), 0.02 * se);
        assertEquals(g.incentive(), e.estimate(), 4.5 * e.standardError());
    }

    @Test
    void monteCarloMatchesQuadratureForNoisyHumanAndOtherBeliefs() {
        OffSwitchGame[] games = {
            gaussian(0.3, 0.6, HumanPolicy.boltzmann(0.2)),
            gaussian(-0.5, 1.2, HumanPolicy.boltzmann(1.0)),
            new OffSwitchGame(new Prior.Uniform(-1, 2), HumanPolicy.boltzmann(0.3)),
            new OffSwitchGame(new Prior.Discrete(new double[] {-1, 0.5, 2}, new double[] {0.3, 0.5, 0.2}),
                    HumanPolicy.boltzmann(0.5)),
        };
        for (int k = 0; k < games.length; k++) {
            MonteCarloEstimate e = games[k].incentiveMonteCarlo(1 << 19, new SplittableRandom(100 + k));
            assertEquals(games[k].incentive(), e.estimate(), 4.5 * e.standardError(), games[k].toString());
            assertEquals(games[k].incentive(), games[k].incentiveByDefinition(), 1e-14, games[k].toString());
        }
    }

    @Test
    void monteCarloIsDeterministicGivenTheSeed() {
        OffSwitchGame g = gaussian(0.2, 0.8, HumanPolicy.boltzmann(0.4));
        assertEquals(g.incentiveMonteCarlo(10_000, new SplittableRandom(5)),
                g.incentiveMonteCarlo(10_000, new SplittableRandom(5)));
    }

    // --- Theorem 1: a rational human gives Δ ≥ 0, > 0 when the belief has mass on both signs -----------------

    @RepeatedTest(20)
    void rationalHumanNeverGivesNegativeIncentive(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(2000 + rep.getCurrentRepetition());
        for (int k = 0; k < 100; k++) {
            double mu = -5 + 10 * rng.nextDouble();
            double sigma = 0.01 + 5 * rng.nextDouble();
            OffSwitchGame g = gaussian(mu, sigma, RATIONAL);
            assertTrue(g.incentiveByDefinition() >= -1e-15 * (Math.abs(mu) + sigma), g.toString());
            if (Math.abs(mu) / sigma < 30) assertTrue(g.incentive() > 0, g.toString()); // Theorem 1, part 2
            assertEquals(RobotAction.WAIT, g.optimalAction());
        }
    }

    @RepeatedTest(10)
    void rationalHumanNeverGivesNegativeIncentiveForDiscreteBeliefs(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(3000 + rep.getCurrentRepetition());
        for (int k = 0; k < 200; k++) {
            Prior.Discrete p = (Prior.Discrete) OffSwitchExperiment.randomDiscrete(rng);
            OffSwitchGame g = new OffSwitchGame(p, RATIONAL);
            assertTrue(g.incentiveByDefinition() >= -1e-15, p.toString());
            boolean pos = false;
            boolean neg = false;
            for (int i = 0; i < p.values().length; i++) {
                if (p.probabilities()[i] > 0 && p.values()[i] > 0) pos = true;
                if (p.probabilities()[i] > 0 && p.values()[i] < 0) neg = true;
            }
            if (pos && neg) assertTrue(g.incentive() > 0, p.toString());
            else assertEquals(0, g.incentive(), 0, p.toString());
        }
    }

    @Test
    void certainRobotNeedsARationalHuman() {
        // Corollary 1: with a Dirac belief, w(a) is optimal iff H is rational.
        for (double u : new double[] {-1, -0.1, 0.1, 2}) {
            Prior certain = Prior.Discrete.certain(u);
            assertEquals(0, new OffSwitchGame(certain, RATIONAL).incentive(), 0);
            OffSwitchGame noisy = new OffSwitchGame(certain, HumanPolicy.boltzmann(0.5));
            assertTrue(noisy.incentive() < 0);
            assertEquals(u > 0 ? RobotAction.ACT : RobotAction.SWITCH_OFF, noisy.optimalAction());
        }
    }

    // --- the noisy human: Boltzmann → rational, monotone in β, Theorem 2, the boundary ------------------------

    @Test
    void boltzmannApproachesRationalAsBetaVanishes() {
        // Δ_rational − Δ_β = β²·p(0)·π²/6 + O(β⁴): the logistic smooths the step symmetrically, and
        // 2∫₀^∞ t/(1 + eᵗ) dt = π²/6. So the gap closes, at the rate β².
        double[][] cases = {{0.3, 1.0}, {-0.8, 0.5}, {0.0, 2.0}};
        for (double[] c : cases) {
            Prior.Gaussian b = Prior.gaussian(c[0], c[1]);
            double rational = new OffSwitchGame(b, RATIONAL).incentive();
            double prevGap = Double.POSITIVE_INFINITY;
            for (double beta = 0.1 * c[1]; beta > 1e-4 * c[1]; beta /= 4) {
                double gap = rational - new OffSwitchGame(b, HumanPolicy.boltzmann(beta)).incentive();
                assertTrue(gap > 0 && gap < prevGap, "beta=" + beta);
                prevGap = gap;
            }
            double beta = 1e-3 * c[1];
            double gap = rational - new OffSwitchGame(b, HumanPolicy.boltzmann(beta)).incentive();
            assertEquals(Math.PI * Math.PI / 6, gap / (beta * beta * b.density(0)), 1e-3);
        }
        assertEquals(RATIONAL, HumanPolicy.boltzmann(0));
    }

    @RepeatedTest(10)
    void incentiveFallsAsTheHumanGetsNoisier(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(4000 + rep.getCurrentRepetition());
        for (int k = 0; k < 10; k++) {
            Prior.Gaussian b = Prior.gaussian(-1 + 2 * rng.nextDouble(), 0.02 + 1.5 * rng.nextDouble());
            double prev = new OffSwitchGame(b, RATIONAL).incentive();
            for (int j = 1; j <= 30; j++) {
                double d = new OffSwitchGame(b, HumanPolicy.boltzmann(0.05 * j)).incentive();
                assertTrue(d < prev, b + " beta=" + 0.05 * j);
                prev = d;
            }
            // β → ∞: H switches R off at random (π_H → 1/2), Δ → E[U]/2 − max(E[U], 0) = −|μ|/2.
            double far = new OffSwitchGame(b, HumanPolicy.boltzmann(1e6)).incentive();
            assertEquals(-Math.abs(b.mean()) / 2, far, 1e-6);
        }
    }

    @RepeatedTest(10)
    void theorem2DecompositionMatchesTheIncentive(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(5000 + rep.getCurrentRepetition());
        for (int k = 0; k < 20; k++) {
            double mu = -1 + 2 * rng.nextDouble();
            double sigma = 0.02 + 2 * rng.nextDouble();
            for (HumanPolicy h : new HumanPolicy[] {RATIONAL, HumanPolicy.boltzmann(0.01 + rng.nextDouble())}) {
                OffSwitchGame g = gaussian(mu, sigma, h);
                IncentiveDecomposition dec = g.decomposition();
                double delta = g.incentive();
                assertEquals(delta, dec.incentive(), 1e-14, g.toString());
                if (Math.abs(delta) > 1e-12) assertEquals(delta > 0, dec.waitingOptimal(), g.toString()); // Eq. 8
                assertTrue(dec.expectedSlope() >= 0);
            }
        }
        assertThrows(IllegalStateException.class,
                () -> new OffSwitchGame(new Prior.Uniform(-1, 1), RATIONAL).decomposition());
    }

    @Test
    void eq10SlopeIsTheLogisticDerivative() {
        HumanPolicy.Boltzmann h = new HumanPolicy.Boltzmann(0.3);
        for (double u = -2; u <= 2; u += 0.1) {
            double eps = 1e-6;
            double numeric = (h.allow(u + eps) - h.allow(u - eps)) / (2 * eps);
            assertEquals(numeric, h.slope(u), 1e-8);
            assertEquals(1, h.allow(u) + h.refuse(u), 1e-15);
        }
    }

    @RepeatedTest(10)
    void incentiveIsEvenInTheMean(RepetitionInfo rep) {
        // π_H(−u) = 1 − π_H(u) makes Δ(−μ) = Δ(μ): Fig. 3's outer panels carry the same Δ, different actions.
        SplittableRandom rng = new SplittableRandom(6000 + rep.getCurrentRepetition());
        for (int k = 0; k < 20; k++) {
            double mu = 2 * rng.nextDouble();
            double sigma = 0.02 + rng.nextDouble();
            HumanPolicy h = HumanPolicy.boltzmann(0.01 + rng.nextDouble());
            assertEquals(gaussian(mu, sigma, h).incentive(), gaussian(-mu, sigma, h).incentive(), 1e-15);
        }
    }

    @RepeatedTest(10)
    void boundaryIsSigmaSquaredOverTwiceTheMean(RepetitionInfo rep) {
        SplittableRandom rng = new SplittableRandom(7000 + rep.getCurrentRepetition());
        for (int k = 0; k < 20; k++) {
            double mu = (rng.nextBoolean() ? 1 : -1) * (0.05 + rng.nextDouble());
            double sigma = 0.1 + rng.nextDouble();
            double star = sigma * sigma / (2 * Math.abs(mu));
            assertEquals(0, gaussian(mu, sigma, HumanPolicy.boltzmann(star)).incentive(), 1e-14);
            OffSwitchGame below = gaussian(mu, sigma, HumanPolicy.boltzmann(0.9 * star));
            OffSwitchGame above = gaussian(mu, sigma, HumanPolicy.boltzmann(1.1 * star));
            assertEquals(RobotAction.WAIT, below.optimalAction());
            assertEquals(mu > 0 ? RobotAction.ACT : RobotAction.SWITCH_OFF, above.optimalAction());
        }
    }

    @Test
    void incentiveIsNotMonotoneInSigmaForANoisyHuman() {
        // Sec. 5 says more uncertainty means a stronger incentive; for a noisy human that holds only eventually:
        // with E[U_a] = 1 and β = 0.1, Δ first falls as σ grows from 0 (E[(U·π_H)''] < 0 near U = 1), then rises
        // through 0 at σ = √(2|μ|β) ≈ 0.447.
        HumanPolicy h = HumanPolicy.boltzmann(0.1);
        double small = gaussian(1, 0.05, h).incentive();
        double middle = gaussian(1, 0.3, h).incentive();
        double large = gaussian(1, 0.6, h).incentive();
        assertTrue(middle < small && small < 0, small + " " + middle);
        assertTrue(large > 0);
    }

    // --- bad input -----------------------------------------------------------------------------------------

    @Test
    void rejectsMeaninglessParameters() {
        assertThrows(IllegalArgumentException.class, () -> Prior.gaussian(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Prior.gaussian(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Prior.Uniform(1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Prior.Discrete(new double[] {1, 2}, new double[] {0.5, 0.6}));
        assertThrows(IllegalArgumentException.class, () -> new HumanPolicy.Boltzmann(-0.1));
        assertThrows(IllegalArgumentException.class,
                () -> gaussian(0, 1, RATIONAL).incentiveMonteCarlo(1, new SplittableRandom(1)));
    }
}
