package org.alignlab.agendas.assistance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.Numbers;
import org.alignlab.core.Progress;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.core.UsageException;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The off-switch game of Hadfield-Menell, Dragan, Abbeel and Russell (IJCAI 2017): a robot uncertain about the
 * utility of its action has an incentive Δ ≥ 0 to let a rational human switch it off (Theorem 1, Fig. 2); with a
 * noisily rational human the incentive is the trade-off of Theorem 2 and turns negative for a confident robot and a
 * noisy human (Fig. 3).
 */
public final class OffSwitchExperiment implements Experiment<OffSwitchConfig, OffSwitchResult> {

    public static final String ID = "agendas.assistance-games.off-switch";

    static final Source PAPER = Source.of("Hadfield-Menell et al.", 2017, "The Off-Switch Game");

    /** The means of Fig. 2 (left). */
    static final double[] FIG2_MEANS = {0, -0.25, 0.75};

    // Floating-point slack of claims whose exact value is a bound of 0. Eq. 1 subtracts numbers of size ≤ |μ| + σ
    // (≤ 4 on the default grids): rounding leaves an absolute error of a few ulps of 4, about 1e-15; quadrature is
    // accurate to about 1e-16 here. 1e-12 leaves room for both and is far below any real violation (a human who
    // refuses good actions makes Δ of order σ).
    static final double ROUNDING_SLACK = 1e-12;

    // Theorem 2 is an identity; the two sides are computed by different quadratures (Eq. 1 against Eq. 7 and Eq. 10),
    // each accurate to ~1e-15 absolute on these grids. 1e-9 is a million times that.
    static final double DECOMPOSITION_TOLERANCE = 1e-9;

    // Monte Carlo tolerance for Δ = 1/√(2π) at N(0,1), fixed before any run: one quick run (n = 2^18) has standard
    // error sd(max(U,0))/√n = √(1/2 − 1/(2π))/512 = 0.5838/512 ≈ 0.00114. Over the claim's 5 seeds the 95% t-interval
    // has half-width ≈ 2.78·0.00114/√5 ≈ 0.0014 around a mean within ≈ 0.0005 (one SE of the mean) of the truth, so
    // it lies inside ±0.005 (≈ 4.4 per-run SEs) unless the spread of the 5 estimates is freakishly large (chance well
    // under 1%). Errors larger than 0.005 (1.3% of Δ) are caught; the paper preset (n = 2^22) has SE ≈ 0.00029.
    static final double MONTE_CARLO_TOLERANCE = 0.005;

    // Brent's method on Δ(β) = 0: accurate to ~1e-13 relative; 1e-6 is generous against quadrature noise.
    static final double BOUNDARY_TOLERANCE = 1e-6;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "The off-switch game", "agendas.assistance-games",
                List.of(PAPER.at("Theorem 1, Theorem 2, Figs. 2-3")),
                "A robot can act, switch itself off, or wait and let a human decide. If it is uncertain about the "
                        + "utility of its action and the human is rational, waiting is never worse (Theorem 1): the "
                        + "human's choice tells it the sign of the utility. If the human is noisy (Boltzmann-"
                        + "rational with noise beta), the incentive trades the robot's uncertainty against the "
                        + "human's noise (Theorem 2) and turns negative for a confident robot and a noisy human "
                        + "(Fig. 3). Here: exact closed forms and quadrature over grids of Gaussian beliefs, random "
                        + "non-Gaussian beliefs, a Monte Carlo estimate, and the Delta = 0 boundary in closed form.");
    }

    @Override
    public Class<OffSwitchConfig> configType() {
        return OffSwitchConfig.class;
    }

    @Override
    public Class<OffSwitchResult> resultType() {
        return OffSwitchResult.class;
    }

    @Override
    public OffSwitchConfig config(Scale scale) {
        return scale == Scale.PAPER ? OffSwitchConfig.paper() : OffSwitchConfig.quick();
    }

    @Override
    public void validate(OffSwitchConfig c) {
        if (!(c.sigmaMin() < c.sigmaMax())) {
            throw new UsageException("sigmaMin=" + Numbers.fmt(c.sigmaMin()) + " must be below sigmaMax="
                    + Numbers.fmt(c.sigmaMax()));
        }
        if (!(c.heatSigmaMin() < c.heatSigmaMax())) {
            throw new UsageException("heatSigmaMin=" + Numbers.fmt(c.heatSigmaMin()) + " must be below heatSigmaMax="
                    + Numbers.fmt(c.heatSigmaMax()));
        }
        if (!(c.betaMin() < c.betaMax())) {
            throw new UsageException("betaMin=" + Numbers.fmt(c.betaMin()) + " must be below betaMax="
                    + Numbers.fmt(c.betaMax()));
        }
        if (c.lineBetas().length == 0) {
            throw new UsageException("lineBetas is empty: give at least one beta, e.g. lineBetas=0.1,0.5");
        }
    }

    @Override
    public OffSwitchResult run(OffSwitchConfig c, RunContext ctx) {
        validate(c);
        OffSwitchResult.RationalSweep rational = rationalSweep(c, ctx);
        OffSwitchResult.MonteCarloCheck mc = standardNormal(c, ctx);
        double m = c.heatMapMean();
        double[] sigmas = linspace(c.heatSigmaMin(), c.heatSigmaMax(), c.heatSigmaSteps());
        double[] betas = linspace(c.betaMin(), c.betaMax(), c.betaSteps());
        List<OffSwitchResult.NoisyPanel> panels = new ArrayList<>();
        try (Progress bar = ctx.progress("Fig. 3 heat maps", 3L * sigmas.length)) {
            for (double mean : new double[] {-m, 0, m}) panels.add(noisyPanel(mean, sigmas, betas, ctx, bar));
        }
        OffSwitchResult.NoisyPanel plus = panels.get(2);
        OffSwitchResult.Boundary boundary = boundary(plus, ctx);
        OffSwitchResult.SigmaCurves curves = curves(m, sigmas, c.lineBetas(), ctx);

        double residual = 0;
        double increment = Double.NEGATIVE_INFINITY;
        for (OffSwitchResult.NoisyPanel p : panels) {
            residual = Math.max(residual, p.maxDecompositionResidual());
            increment = Math.max(increment, p.maxBetaIncrement());
        }
        double margin = Math.min(signChangeMargin(panels.get(0)), signChangeMargin(plus));
        double symmetry = 0;
        for (int i = 0; i < sigmas.length; i++) {
            for (int j = 0; j < betas.length; j++) {
                symmetry = Math.max(symmetry, Math.abs(panels.get(0).delta()[i][j] - plus.delta()[i][j]));
            }
        }
        OffSwitchResult.Checks checks = new OffSwitchResult.Checks(
                rational.randomPriors() == 0 ? rational.minDelta()
                        : Math.min(rational.minDelta(), rational.minDeltaRandomPriors()),
                rational.maxDeltaWhenCertain(),
                mc.estimate(), residual, panels.get(1).minDelta(), margin, increment, boundary.maxRelativeError(),
                symmetry);
        return new OffSwitchResult(rational, mc, List.copyOf(panels), boundary, curves, checks);
    }

    // Theorem 1 and Fig. 2: rational human, Gaussian beliefs on a (mean, sigma) grid, plus random other beliefs.
    private static OffSwitchResult.RationalSweep rationalSweep(OffSwitchConfig c, RunContext ctx) {
        double[] means = linspace(-c.meanMax(), c.meanMax(), c.meanSteps());
        double[] sigmas = linspace(c.sigmaMin(), c.sigmaMax(), c.sigmaSteps());
        HumanPolicy rational = HumanPolicy.rational();
        double[][] delta = new double[means.length][sigmas.length];
        double min = Double.POSITIVE_INFINITY;
        double minStable = Double.POSITIVE_INFINITY;
        int positive = 0;
        for (int i = 0; i < means.length; i++) {
            ctx.checkCancelled();
            for (int j = 0; j < sigmas.length; j++) {
                OffSwitchGame g = new OffSwitchGame(Prior.gaussian(means[i], sigmas[j]), rational);
                delta[i][j] = g.incentiveByDefinition();
                double stable = g.incentive();
                min = Math.min(min, delta[i][j]);
                minStable = Math.min(minStable, stable);
                if (stable > 0) positive++;
            }
        }
        for (int j = 0; j < sigmas.length; j++) ctx.log("rational/sigma", j, sigmas[j]);
        double[][] curve = new double[FIG2_MEANS.length][sigmas.length];
        double certain = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < FIG2_MEANS.length; k++) {
            for (int j = 0; j < sigmas.length; j++) {
                curve[k][j] = new OffSwitchGame(Prior.gaussian(FIG2_MEANS[k], sigmas[j]), rational)
                        .incentiveByDefinition();
                ctx.log("rational/delta/mean=" + Numbers.fmt(FIG2_MEANS[k]), j, curve[k][j]);
            }
            if (FIG2_MEANS[k] != 0) {
                certain = Math.max(certain, new OffSwitchGame(Prior.gaussian(FIG2_MEANS[k], c.certainSigma()),
                        rational).incentiveByDefinition());
            }
        }
        // Theorem 1 holds for every belief: random discrete ones (2 to 6 values, Dirichlet(1) weights) and uniform
        // ones on [-2, 2].
        SplittableRandom rng = ctx.random("random-priors");
        double minRandom = Double.POSITIVE_INFINITY;
        for (int k = 0; k < c.randomPriors(); k++) {
            if ((k & 1023) == 0) ctx.checkCancelled();
            Prior p = k % 2 == 0 ? randomDiscrete(rng) : randomUniform(rng);
            minRandom = Math.min(minRandom, new OffSwitchGame(p, rational).incentiveByDefinition());
        }
        return new OffSwitchResult.RationalSweep(means, sigmas, delta, min, minStable, positive,
                means.length * sigmas.length, c.randomPriors(), c.randomPriors() == 0 ? 0 : minRandom,
                FIG2_MEANS.clone(), curve, c.certainSigma(), certain);
    }

    static Prior randomDiscrete(SplittableRandom rng) {
        int n = 2 + rng.nextInt(5);
        double[] values = new double[n];
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            values[i] = -2 + 4 * rng.nextDouble();
            weights[i] = -Math.log(1 - rng.nextDouble()); // Exp(1): normalised, Dirichlet(1, ..., 1)
            sum += weights[i];
        }
        for (int i = 0; i < n; i++) weights[i] /= sum;
        double total = 0;
        for (int i = 0; i < n - 1; i++) total += weights[i];
        weights[n - 1] = Math.max(0, 1 - total);
        return new Prior.Discrete(values, weights);
    }

    static Prior randomUniform(SplittableRandom rng) {
        double a = -2 + 4 * rng.nextDouble();
        double b = -2 + 4 * rng.nextDouble();
        if (a == b) b = a + 1e-3;
        return new Prior.Uniform(Math.min(a, b), Math.max(a, b));
    }

    // Claim (b): the Monte Carlo Δ at N(0, 1) against 1/√(2π).
    private static OffSwitchResult.MonteCarloCheck standardNormal(OffSwitchConfig c, RunContext ctx) {
        OffSwitchGame g = new OffSwitchGame(Prior.gaussian(0, 1), HumanPolicy.rational());
        MonteCarloEstimate e = g.incentiveMonteCarlo(c.samples(), ctx.random("monte-carlo"));
        ctx.log("monte-carlo/estimate", 0, e.estimate());
        ctx.log("monte-carlo/standard_error", 0, e.standardError());
        return new OffSwitchResult.MonteCarloCheck(0, 1, "rational", e.samples(), e.estimate(), e.standardError(),
                g.incentive());
    }

    // One panel of Fig. 3, with Theorem 2's decomposition checked in every cell.
    private static OffSwitchResult.NoisyPanel noisyPanel(double mean, double[] sigmas, double[] betas,
                                                         RunContext ctx, Progress bar) {
        double[][] delta = new double[sigmas.length][betas.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double residual = 0;
        double increment = Double.NEGATIVE_INFINITY;
        int negative = 0;
        for (int i = 0; i < sigmas.length; i++) {
            ctx.checkCancelled();
            for (int j = 0; j < betas.length; j++) {
                OffSwitchGame g = new OffSwitchGame(Prior.gaussian(mean, sigmas[i]), HumanPolicy.boltzmann(betas[j]));
                double d = g.incentive();
                delta[i][j] = d;
                residual = Math.max(residual, Math.abs(d - g.decomposition().incentive()));
                min = Math.min(min, d);
                max = Math.max(max, d);
                if (d < 0) negative++;
                if (j > 0) increment = Math.max(increment, d - delta[i][j - 1]);
            }
            bar.advance(1);
        }
        return new OffSwitchResult.NoisyPanel(mean, sigmas, betas, delta, min, max, negative,
                sigmas.length * betas.length, increment, residual);
    }

    // Fig. 3's sign pattern: Δ > 0 at the bottom right (σ high, β low), Δ < 0 at the top left (σ low, β high).
    static double signChangeMargin(OffSwitchResult.NoisyPanel p) {
        double[][] d = p.delta();
        int last = d.length - 1;
        int top = d[0].length - 1;
        return Math.min(d[last][0], -d[0][top]);
    }

    /**
     * The Δ = 0 line of the +m panel. In each σ row whose Δ changes sign between neighbouring β's, Brent's method finds
     * the root; it is compared with β* = σ²/(2|μ|). Why that closed form: for U ~ N(μ, σ²) the likelihood ratio is
     * p(−u)/p(u) = exp(−2μu/σ²), so with β = σ²/(2μ) the human's π_H(u) = p(u)/(p(u) + p(−u)), and
     * E[U·π_H(U)] − μ = −∫ u·p(u)p(−u)/(p(u) + p(−u)) du = 0, the integrand being odd. Δ falls strictly as β grows
     * (∂E[U·π_H]/∂β = −E[U²·π̇]/β < 0), so this root is the only one. This is derived here, not in the paper.
     */
    private static OffSwitchResult.Boundary boundary(OffSwitchResult.NoisyPanel p, RunContext ctx) {
        double mu = p.mean();
        double[] sigmas = p.sigmas();
        double[] betas = p.betas();
        BrentSolver solver = new BrentSolver(1e-14, 1e-15);
        List<double[]> rows = new ArrayList<>();
        double worst = 0;
        for (int i = 0; i < sigmas.length; i++) {
            double sigma = sigmas[i];
            double closed = sigma * sigma / (2 * Math.abs(mu));
            int crossings = 0;
            int at = -1;
            for (int j = 0; j + 1 < betas.length; j++) {
                if (p.delta()[i][j] > 0 && p.delta()[i][j + 1] <= 0) {
                    crossings++;
                    at = j;
                }
            }
            boolean closedInside = closed > betas[0] && closed < betas[betas.length - 1];
            if (crossings == 0) {
                if (closedInside) worst = 1; // the closed form predicts a crossing the grid does not show
                continue;
            }
            if (crossings > 1) worst = 1;
            Prior.Gaussian belief = Prior.gaussian(mu, sigma);
            double root = solver.solve(200,
                    beta -> new OffSwitchGame(belief, HumanPolicy.boltzmann(beta)).incentive(), betas[at], betas[at + 1]);
            worst = Math.max(worst, Math.abs(root - closed) / closed);
            rows.add(new double[] {sigma, root, closed});
            ctx.log("boundary/beta", i, root);
            ctx.log("boundary/beta_closed_form", i, closed);
        }
        if (rows.isEmpty()) worst = 1;
        double[] s = new double[rows.size()];
        double[] b = new double[rows.size()];
        double[] cf = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            s[k] = rows.get(k)[0];
            b[k] = rows.get(k)[1];
            cf[k] = rows.get(k)[2];
        }
        return new OffSwitchResult.Boundary(mu, s, b, cf, rows.size(), worst);
    }

    // Δ against σ at E[U_a] = m: the rational human (β = 0) and each of lineBetas.
    private static OffSwitchResult.SigmaCurves curves(double m, double[] sigmas, double[] lineBetas, RunContext ctx) {
        double[] betas = new double[lineBetas.length + 1];
        System.arraycopy(lineBetas, 0, betas, 1, lineBetas.length);
        double[][] delta = new double[betas.length][sigmas.length];
        for (int j = 0; j < sigmas.length; j++) ctx.log("noisy/sigma", j, sigmas[j]);
        for (int k = 0; k < betas.length; k++) {
            HumanPolicy h = HumanPolicy.boltzmann(betas[k]);
            for (int j = 0; j < sigmas.length; j++) {
                delta[k][j] = new OffSwitchGame(Prior.gaussian(m, sigmas[j]), h).incentive();
                ctx.log("noisy/delta/" + h.label(), j, delta[k][j]);
            }
        }
        return new OffSwitchResult.SigmaCurves(m, sigmas, betas, delta);
    }

    /** n evenly spaced values from lo to hi, both included. */
    static double[] linspace(double lo, double hi, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        return out;
    }

    @Override
    public List<Claim<OffSwitchResult>> claims() {
        return List.of(
                Claim.<OffSwitchResult>published("rational-nonnegative", PAPER.at("Theorem 1 (Eq. 3), Sec. 3"),
                        "With a rational human, waiting is never worse for the robot: Delta = E[max(U,0)] - "
                                + "max(E[U],0) >= 0 for every belief (here: a grid of Gaussian beliefs over mean and "
                                + "sigma, plus random discrete and uniform beliefs).",
                        r -> r.checks().minDeltaRational(), 0, Tolerance.atLeast(ROUNDING_SLACK), 1)
                        .withSetupNote("Delta is evaluated as Eq. 1 defines it, with E[max(U,0)] in closed form; the "
                                + "slack 1e-12 is floating-point rounding. Where |mean|/sigma is large Delta is below "
                                + "rounding, so strict positivity (Theorem 1, part 2) is visible only where Delta "
                                + "exceeds ~1e-15."),
                Claim.<OffSwitchResult>published("rational-vanishes-when-certain",
                                PAPER.at("Fig. 2 (left, and caption), Sec. 3"),
                        "With a rational human, the incentive to wait vanishes as the robot becomes certain: "
                                + "Delta -> 0 as sigma -> 0 (checked for Fig. 2's nonzero means -1/4 and 3/4).",
                        r -> r.checks().maxDeltaWhenCertain(), 0, Tolerance.atMost(ROUNDING_SLACK), 1)
                        .withSetupNote("The limit is read at sigma = certainSigma (0.01), where |mean|/sigma >= 25; "
                                + "for mean 0, Delta = sigma/sqrt(2 pi) also -> 0 (see the figure)."),
                Claim.<OffSwitchResult>published("standard-normal-monte-carlo",
                                PAPER.at("Theorem 1 (Eq. 3) at B^R = N(0,1); Fig. 2 (left), curve E[Ua] = 0"),
                        "For U ~ N(0,1) and a rational human, Delta = E[U; U > 0] = 1/sqrt(2 pi) = 0.3989; a "
                                + "Monte Carlo estimate of the game reproduces it.",
                        r -> r.checks().standardNormalEstimate(), StandardNormal.INV_SQRT_2PI,
                        Tolerance.absolute(MONTE_CARLO_TOLERANCE), 5)
                        .withSetupNote("The paper does not print 0.3989: it is Eq. 3 evaluated at N(0,1). Measured "
                                + "by Monte Carlo (2^18 draws per seed at quick scale, standard error 0.0011)."),
                Claim.<OffSwitchResult>published("noisy-decomposition", PAPER.at("Theorem 2 (Eq. 7, with Eq. 10), Sec. 4"),
                        "With a Gaussian belief, Delta = sigma^2 E[dpi_H/dU] - |mu| Pr(C): computed from Eq. 1 and "
                                + "from Eq. 7 (with Eq. 10 for the Boltzmann human), the two agree on every cell of "
                                + "the three Fig. 3 panels (largest difference).",
                        r -> r.checks().maxDecompositionResidual(), 0, Tolerance.atMost(DECOMPOSITION_TOLERANCE), 1),
                Claim.<OffSwitchResult>published("noisy-mean-zero-defers", PAPER.at("Fig. 3 (middle), Sec. 4"),
                        "When E[U_a] = 0, waiting is optimal for every combination of beta and sigma, even with a "
                                + "noisy human: min Delta over the (sigma, beta) grid >= 0.",
                        r -> r.checks().minDeltaMeanZero(), 0, Tolerance.atLeast(ROUNDING_SLACK), 1),
                Claim.<OffSwitchResult>demonstration("noisy-sign-change", PAPER.at("Fig. 3 (left, right), Sec. 4"),
                        "With a noisy human and E[U_a] = +-1/4, Delta is negative where the robot is confident and "
                                + "the human noisy (top left: sigma low, beta high) and positive where the robot is "
                                + "uncertain and the human near-rational (bottom right): min(Delta at bottom right, "
                                + "-Delta at top left) over both panels > 0.",
                        r -> r.checks().signChangeMargin(), 0, Tolerance.atLeast(0), 1)
                        .withSetupNote("The paper plots Fig. 3 without axis values or a number for the boundary; "
                                + "the presets span sigma and beta from 0.02 (quick) or 0.01 (paper) to 1, with "
                                + "|E[U_a]| = 1/4 as in the paper's outer panels."),
                Claim.<OffSwitchResult>demonstration("noisy-monotone-in-beta", PAPER.at("Sec. 4, after Eq. 10"),
                        "The noisier the human (larger beta), the smaller the robot's incentive to wait: along every "
                                + "sigma row of the three panels Delta falls as beta grows (largest step up <= 0).",
                        r -> r.checks().maxBetaIncrement(), 0, Tolerance.atMost(0), 1),
                Claim.<OffSwitchResult>demonstration("noisy-boundary-closed-form", PAPER.at("Fig. 3 (Delta = 0 line), Sec. 4"),
                        "Fig. 3's decision boundary Delta = 0 lies exactly at beta = sigma^2/(2|mu|): Delta > 0 iff "
                                + "2|mu| beta < sigma^2. Roots of Delta in beta, found numerically in every sigma row of "
                                + "the +1/4 panel that crosses zero, match it (largest relative error).",
                        r -> r.checks().boundaryMaxRelativeError(), 0, Tolerance.atMost(BOUNDARY_TOLERANCE), 1)
                        .withSetupNote("The paper draws the boundary but gives no formula; beta* = sigma^2/(2|mu|) is "
                                + "derived here (with beta* the Boltzmann human is the Bayesian posterior of the "
                                + "sign of U_a, and Delta = 0 by symmetry). So the relevant ratio is sigma^2/beta, "
                                + "against 2|mu|, not sigma/beta."));
    }

    @Override
    public List<Figure<OffSwitchResult>> figures() {
        return OffSwitchFigures.all();
    }
}
