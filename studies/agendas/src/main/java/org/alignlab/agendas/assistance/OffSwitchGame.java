package org.alignlab.agendas.assistance;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The off-switch game (Hadfield-Menell, Dragan, Abbeel, Russell 2017, Sec. 2). R moves first: act (a, utility
 * U_a), switch itself off (s, utility 0), or wait (w(a)); after w(a), H lets a happen with probability π_H(U_a),
 * otherwise switches R off. R's belief about U_a is {@code belief}; H follows {@code human}.
 *
 * <p>R's incentive to wait, Eq. 1: Δ = E[π_H(U_a)·U_a] − max{E[U_a], 0}
 * = min{E[−U_a(1 − π_H(U_a))], E[U_a·π_H(U_a)]}.
 */
public record OffSwitchGame(Prior belief, HumanPolicy human) {

    public OffSwitchGame {
        Objects.requireNonNull(belief, "belief");
        Objects.requireNonNull(human, "human");
    }

    /** Value of a: E[U_a]. */
    public double valueOfActing() {
        return belief.mean();
    }

    /** Value of s: 0 by definition. */
    public double valueOfSwitchingOff() {
        return 0;
    }

    /** Value of w(a): E[π_H(U_a)·U_a]; for a rational human E[max(U_a, 0)], exactly. */
    public double valueOfWaiting() {
        if (human instanceof HumanPolicy.Rational) return belief.expectedPositivePart();
        return belief.expect(u -> u * human.allow(u), human.breakpoints());
    }

    /**
     * Δ as Eq. 1 defines it, literally: the value of w(a) minus the value of the better of a and s. When Δ is far below
     * max{E[U_a], 0} the subtraction loses its relative accuracy (absolute error a few ulps of E[U_a]);
     * {@link #incentive()} does not.
     */
    public double incentiveByDefinition() {
        return valueOfWaiting() - Math.max(valueOfActing(), valueOfSwitchingOff());
    }

    /**
     * Δ from the second line of Eq. 1, which needs no subtraction of large numbers: the term
     * E[−U_a(1 − π_H)] when E[U_a] ≥ 0 (w(a) against a), E[U_a·π_H] when E[U_a] < 0 (w(a) against s). For a rational
     * human this is Theorem 1's Eq. 3, min{E[U_a; U_a > 0], E[−U_a; U_a < 0]}, in closed form.
     */
    public double incentive() {
        if (human instanceof HumanPolicy.Rational) {
            return Math.min(belief.expectedPositivePart(), belief.expectedNegativePart());
        }
        double[] bp = human.breakpoints();
        return belief.mean() >= 0
                ? -belief.expect(u -> u * human.refuse(u), bp)
                : belief.expect(u -> u * human.allow(u), bp);
    }

    /**
     * R's best move: w(a) when Δ ≥ 0 (ties go to waiting: w(a) is then never worse), otherwise a if E[U_a] > 0 and s
     * if E[U_a] < 0 (Fig. 3's regions). With E[U_a] = 0, Δ ≥ 0 for any π_H that increases in U_a.
     */
    public RobotAction optimalAction() {
        if (incentive() >= 0) return RobotAction.WAIT;
        return valueOfActing() > 0 ? RobotAction.ACT : RobotAction.SWITCH_OFF;
    }

    /**
     * Theorem 2's decomposition Δ = σ²E[π̇_H] − |μ|Pr(C) (Eq. 7). Its expectations are computed here independently of
     * {@link #incentive()}, so the two agree only if the theorem (and this code) are right.
     *
     * @throws IllegalStateException if the belief is not Gaussian (the theorem's hypothesis)
     */
    public IncentiveDecomposition decomposition() {
        if (!(belief instanceof Prior.Gaussian g)) {
            throw new IllegalStateException("Theorem 2 needs a Gaussian belief, not " + belief);
        }
        double mu = g.mean();
        double slope;
        double allowed; // E[π_H]
        double refused; // E[1 − π_H]
        switch (human) {
            case HumanPolicy.Rational r -> {
                slope = g.density(0); // π̇_H is a unit point mass at U_a = 0
                allowed = StandardNormal.upperTail(-mu / g.sigma());
                refused = StandardNormal.upperTail(mu / g.sigma());
            }
            case HumanPolicy.Boltzmann b -> {
                double[] bp = b.breakpoints();
                slope = g.expect(b::slope, bp); // Eq. 10
                allowed = g.expect(b::allow, bp);
                refused = g.expect(b::refuse, bp);
            }
        }
        double correction = mu >= 0 ? refused : allowed; // Eq. 6
        return new IncentiveDecomposition(slope, correction, g.variance(), Math.abs(mu));
    }

    /**
     * Δ by Monte Carlo: n draws U_i from the belief, the value of w(a) estimated by the mean of π_H(U_i)·U_i, minus
     * the exact max{E[U_a], 0}. π_H(U)·U is the payoff of w(a) averaged over H's coin given U (Rao–Blackwellised: same
     * mean as simulating H's choice, lower variance). The comparison term uses the belief's exact mean because the
     * plug-in max{Ū, 0} is biased upward by about σ/√(2πn) when E[U_a] = 0 — as large as the standard error itself.
     */
    public MonteCarloEstimate incentiveMonteCarlo(long n, SplittableRandom rng) {
        if (n < 2) throw new IllegalArgumentException("need at least 2 samples for a standard error, got " + n);
        double mean = 0;
        double m2 = 0;
        for (long i = 1; i <= n; i++) {
            double u = belief.sample(rng);
            double x = human.allow(u) * u;
            double d = x - mean;
            mean += d / i; // Welford: numerically stable, one fixed order
            m2 += d * (x - mean);
        }
        double sd = Math.sqrt(m2 / (n - 1));
        return new MonteCarloEstimate(mean - Math.max(belief.mean(), 0), sd / Math.sqrt(n), n);
    }
}
