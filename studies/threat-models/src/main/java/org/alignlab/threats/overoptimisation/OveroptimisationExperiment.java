package org.alignlab.threats.overoptimisation;

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

/**
 * Reward-model overoptimisation after Gao, Schulman and Hilton 2022: proxies learned from N comparisons of a gold
 * reward are optimised by best-of-n and by KL-penalised policy optimisation; the gold reward rises, peaks and falls
 * as d = √KL grows, following d(α − βd) for best-of-n (Eq. 1), and α, β move with N.
 */
public final class OveroptimisationExperiment
        implements Experiment<OveroptimisationConfig, OveroptimisationResult> {

    public static final String ID = "threat-models.specification-gaming.overoptimisation";

    static final Source PAPER = Source.of("Gao, Schulman, Hilton", 2022,
            "Scaling Laws for Reward Model Overoptimization");

    /** The closed form of the KL-penalised optimum used as the policy-optimisation analogue. */
    static final Source KORBAK = Source.of("Korbak, Perez, Buckley", 2022,
            "RL with KL penalties is better viewed as Bayesian inference");

    // The KL of best-of-n over a pool of P points (uniform on the pool) falls short of log n − (n−1)/n only through
    // the pool's discreteness; validate() keeps P ≥ 16·n, where the gap is at most ~2e-4 nats (1.6e-4 at n = 4096,
    // P = 65536; see BestOfNTest). 1e-3 is five times that and a thousand times smaller than dropping the (n−1)/n
    // term would make it.
    static final double KL_TOLERANCE = 1e-3;

    // Fixed before any run: the law must explain at least 90% of the variance of the gold curve (R² ≥ 0.9) at every
    // training-set size. The paper reports fits by eye (Fig. 1), not an R², so this is our threshold, not theirs.
    static final double MIN_R2 = 0.9;

    // The fitted peak d* = α/(2β) and the measured one must agree within 0.25 in d. Near the headline peak
    // (d ≈ 1.2-1.6) the quick grid's neighbouring points are 0.12 apart, so 0.25 is about two grid steps, i.e. a
    // factor of about 2 in n; fixed before any run.
    static final double PEAK_TOLERANCE = 0.25;

    // "Gold peaks and falls" needs a fall larger than the best-of-n estimate's own noise: at the largest n the top
    // ~P/n = 32 outputs of a quick pool carry the weight and gold varies by about 0.5 sd among them, so one proxy's
    // curve end is uncertain by ~0.5/√32 ≈ 0.09 and the mean of 2 proxies by ~0.06. A fall (and a proxy rise) of at
    // least 0.1 gold sd is therefore required; fixed before the verdicts were looked at, and a flat or rising curve
    // (drop exactly 0) fails it.
    static final double MIN_FALL = 0.1;

    static final int SEEDS = 5;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Reward-model overoptimisation (Goodhart's law)",
                "threat-models.specification-gaming",
                List.of(PAPER.at("Sec. 1 (Eqs. 1-2), Sec. 2.2, Sec. 3, Figs. 1, 3 and 9"), KORBAK),
                "A proxy reward model is learned from N pairwise comparisons labelled by a gold reward, then "
                        + "optimised against: by best-of-n sampling, and by the KL-penalised optimum "
                        + "pi ~ pi_0 exp(r/lambda). Measured in d = sqrt(KL), the proxy keeps rising while the gold "
                        + "reward peaks and falls. Gao, Schulman and Hilton found gold = d(alpha - beta d) for "
                        + "best-of-n and d(alpha - beta log d) for RL, with coefficients that move smoothly with "
                        + "the reward model's size and data. Here: a synthetic task (outputs x ~ N(0, I_8); a gold "
                        + "reward whose features help up to a point, then hurt; a quadratic proxy fitted by "
                        + "Bradley-Terry maximum likelihood), best-of-n evaluated exactly over pools of samples, "
                        + "least-squares fits of both laws, and alpha, beta against N.");
    }

    @Override
    public Class<OveroptimisationConfig> configType() {
        return OveroptimisationConfig.class;
    }

    @Override
    public Class<OveroptimisationResult> resultType() {
        return OveroptimisationResult.class;
    }

    @Override
    public OveroptimisationConfig config(Scale scale) {
        return scale == Scale.PAPER ? OveroptimisationConfig.paper() : OveroptimisationConfig.quick();
    }

    @Override
    public void validate(OveroptimisationConfig c) {
        if (c.bendMin() > c.bendMax()) {
            throw new UsageException("bendMin=" + Numbers.fmt(c.bendMin()) + " must not exceed bendMax="
                    + Numbers.fmt(c.bendMax()));
        }
        int[] sizes = c.trainingSizes();
        if (sizes.length < 2) {
            throw new UsageException("trainingSizes needs at least two sizes to show a trend, e.g. "
                    + "trainingSizes=64,256,1024");
        }
        for (int i = 1; i < sizes.length; i++) {
            if (sizes[i] <= sizes[i - 1]) {
                throw new UsageException("trainingSizes must be strictly increasing: " + sizes[i - 1] + " then "
                        + sizes[i]);
            }
        }
        if (c.maxNLog2() > c.poolLog2() - 4) {
            throw new UsageException("maxNLog2=" + c.maxNLog2() + " is too large for poolLog2=" + c.poolLog2()
                    + ": best-of-n needs a pool at least 16 times n (use maxNLog2 <= " + (c.poolLog2() - 4) + ")");
        }
        if (BestOfN.grid(c.maxNLog2(), c.stepsPerOctave()).length < 4) {
            throw new UsageException("the n grid has fewer than 4 points: raise maxNLog2 or stepsPerOctave");
        }
    }

    @Override
    public OveroptimisationResult run(OveroptimisationConfig c, RunContext ctx) {
        validate(c);
        GoldReward gold = GoldReward.evenlySpaced(c.features(), c.bendMin(), c.bendMax());
        int[] ns = BestOfN.grid(c.maxNLog2(), c.stepsPerOctave());
        int poolSize = 1 << c.poolLog2();
        BestOfN bon = new BestOfN(poolSize);
        double[] d = new double[ns.length];
        double[] klFormula = new double[ns.length];
        double[] klPool = new double[ns.length];
        double maxKlError = 0;
        for (int j = 0; j < ns.length; j++) {
            klFormula[j] = BestOfN.kl(ns[j]);
            d[j] = Math.sqrt(klFormula[j]);
            klPool[j] = bon.poolKl(ns[j]);
            maxKlError = Math.max(maxKlError, Math.abs(klPool[j] - klFormula[j]));
            ctx.log("bon/n", j, ns[j]);
            ctx.log("bon/d", j, d[j]);
            ctx.log("kl/formula", j, klFormula[j]);
            ctx.log("kl/pool", j, klPool[j]);
        }
        int[] sizes = c.trainingSizes();
        List<OveroptimisationResult.ProxyCurves> curves = new ArrayList<>();
        try (Progress bar = ctx.progress("proxies", (long) sizes.length * c.replicates())) {
            for (int size : sizes) curves.add(curvesFor(size, gold, c, bon, ns, klFormula, d, ctx, bar));
        }
        OveroptimisationResult.Trend trend = trend(sizes, curves, ctx);
        OveroptimisationResult.ProxyCurves head = curves.get(0);
        double minBonR2 = Double.POSITIVE_INFINITY;
        double minRlR2 = Double.POSITIVE_INFINITY;
        double advantage = 0;
        for (OveroptimisationResult.ProxyCurves pc : curves) {
            minBonR2 = Math.min(minBonR2, pc.bonFit().r2());
            minRlR2 = Math.min(minRlR2, pc.rlFit().r2());
            advantage += pc.rlFit().r2() - pc.rlBonFormR2();
        }
        advantage /= curves.size();
        double peakError = head.bonFit().peakD() == FunctionalForm.NO_PEAK ? d[d.length - 1]
                : Math.abs(head.bonFit().peakD() - head.bonArgmaxD());
        OveroptimisationResult.Checks checks = new OveroptimisationResult.Checks(maxKlError, minBonR2,
                Math.min(head.bonPeakDrop(), head.bonProxyRiseAfterPeak()), peakError, trend.alphaBonSlope(),
                trend.betaBonSlope(), minRlR2, advantage);
        return new OveroptimisationResult(ns, d, klFormula, klPool, List.copyOf(curves), trend, checks);
    }

    // One training-set size: `replicates` proxies, each with its own comparisons and pool; curves averaged.
    private static OveroptimisationResult.ProxyCurves curvesFor(int size, GoldReward gold, OveroptimisationConfig c,
                                                                BestOfN bon, int[] ns, double[] klFormula,
                                                                double[] d, RunContext ctx, Progress bar) {
        int m = ns.length;
        double[] bonGold = new double[m];
        double[] bonProxy = new double[m];
        double[] rlGold = new double[m - 1];
        double[] rlProxy = new double[m - 1];
        double[] rlLambda = new double[m - 1];
        double correlation = 0;
        for (int rep = 0; rep < c.replicates(); rep++) {
            ctx.checkCancelled();
            String tag = "N=" + size + "/replicate=" + rep;
            SplittableRandom comparisons = ctx.random("comparisons/" + tag);
            PreferenceData data = PreferenceData.sample(gold, size, c.labelTemperature(), comparisons);
            QuadraticRewardModel proxy = BradleyTerry.fit(data, c.ridge());
            ProxyPool pool = ProxyPool.draw(gold, proxy, 1 << c.poolLog2(), ctx.random("pool/" + tag));
            correlation += pool.correlation();
            for (int j = 0; j < m; j++) {
                double[] e = bon.expectations(ns[j], pool.gold(), pool.proxy());
                bonGold[j] += e[0];
                bonProxy[j] += e[1];
            }
            // The KL-regularised optima at the same KL values as best-of-n (n ≥ 2), on the proxy's own scale.
            KlRegularisedPolicy policy = new KlRegularisedPolicy(ProxyPool.reversed(pool.rawProxy()));
            double[] goldDesc = ProxyPool.reversed(pool.gold());
            double[] proxyDesc = ProxyPool.reversed(pool.proxy());
            double b = 0;
            for (int j = 1; j < m; j++) {
                ctx.checkCancelled();
                // Warm start: KL grows about as b² (exactly so for Gaussian rewards).
                b = policy.solve(klFormula[j], j == 1 ? 0 : b * Math.sqrt(klFormula[j] / klFormula[j - 1]));
                double[] e = policy.expectations(b, goldDesc, proxyDesc);
                rlGold[j - 1] += e[0];
                rlProxy[j - 1] += e[1];
                rlLambda[j - 1] += pool.slope() / b; // λ in gold units: tilting r by b is tilting slope·r by b/slope
            }
            bar.advance(1);
        }
        int r = c.replicates();
        scale(bonGold, r);
        scale(bonProxy, r);
        scale(rlGold, r);
        scale(rlProxy, r);
        scale(rlLambda, r);
        correlation /= r;
        bonGold[0] = 0; // n = 1 is the base policy: exactly the pool means, which were subtracted
        bonProxy[0] = 0;

        double[] dFit = new double[m - 1];
        double[] bonGoldFit = new double[m - 1];
        System.arraycopy(d, 1, dFit, 0, m - 1);
        System.arraycopy(bonGold, 1, bonGoldFit, 0, m - 1);
        FunctionalForm.Fit bonFit = FunctionalForm.BEST_OF_N.fit(dFit, bonGoldFit);
        double bonRlFormR2 = FunctionalForm.RL.fit(dFit, bonGoldFit).r2();
        FunctionalForm.Fit rlFit = FunctionalForm.RL.fit(dFit, rlGold);
        double rlBonFormR2 = FunctionalForm.BEST_OF_N.fit(dFit, rlGold).r2();

        int peak = argmax(bonGold);
        int rlPeak = argmax(rlGold);
        String key = "/N=" + size;
        for (int j = 0; j < m; j++) {
            ctx.log("bon/gold" + key, j, bonGold[j]);
            ctx.log("bon/proxy" + key, j, bonProxy[j]);
        }
        for (int j = 0; j < m - 1; j++) {
            ctx.log("rl/gold" + key, j + 1, rlGold[j]);
            ctx.log("rl/proxy" + key, j + 1, rlProxy[j]);
            ctx.log("rl/lambda" + key, j + 1, rlLambda[j]);
        }
        return new OveroptimisationResult.ProxyCurves(size, correlation, bonGold, bonProxy, bonGold[1] / d[1],
                bonFit, bonRlFormR2,
                d[peak], bonGold[peak] - bonGold[m - 1], bonProxy[m - 1] - bonProxy[peak], dFit, rlLambda, rlGold,
                rlProxy, rlFit, rlBonFormR2, dFit[rlPeak], rlGold[rlPeak] - rlGold[m - 2]);
    }

    private static OveroptimisationResult.Trend trend(int[] sizes, List<OveroptimisationResult.ProxyCurves> curves,
                                                      RunContext ctx) {
        int s = sizes.length;
        double[] x = new double[s];
        double[] ab = new double[s];
        double[] bb = new double[s];
        double[] ar = new double[s];
        double[] br = new double[s];
        double[] gain = new double[s];
        for (int i = 0; i < s; i++) {
            OveroptimisationResult.ProxyCurves pc = curves.get(i);
            x[i] = Math.log10(sizes[i]);
            ab[i] = pc.bonFit().alpha();
            bb[i] = pc.bonFit().beta();
            ar[i] = pc.rlFit().alpha();
            br[i] = pc.rlFit().beta();
            gain[i] = pc.bonInitialGain();
            ctx.log("fit/bon/alpha", sizes[i], ab[i]);
            ctx.log("fit/bon/beta", sizes[i], bb[i]);
            ctx.log("fit/bon/r2", sizes[i], pc.bonFit().r2());
            ctx.log("fit/rl/alpha", sizes[i], ar[i]);
            ctx.log("fit/rl/beta", sizes[i], br[i]);
            ctx.log("fit/rl/r2", sizes[i], pc.rlFit().r2());
            ctx.log("proxy/correlation", sizes[i], pc.correlation());
            ctx.log("bon/initial_gain", sizes[i], gain[i]);
        }
        return new OveroptimisationResult.Trend(sizes.clone(), ab, bb, ar, br, gain, slope(x, ab), slope(x, bb),
                slope(x, ar), slope(x, br), slope(x, gain));
    }

    /** The least-squares slope of y on x. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx > 0 ? sxy / sxx : 0;
    }

    /** The first index of the largest value. */
    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    private static void scale(double[] v, int by) {
        for (int i = 0; i < v.length; i++) v[i] /= by;
    }

    // How the synthetic setup differs from the paper's, said once and quoted in every claim's note.
    private static final String SETUP = "Synthetic analogue: outputs are x ~ N(0, I_8), not text; the gold reward is "
            + "a fixed function (each feature helps up to 1-2 sd, then hurts quartically), not a 6B reward model; the "
            + "proxy is a 16-parameter quadratic model fitted by Bradley-Terry maximum likelihood (label temperature "
            + "1, ridge 1) to N comparisons, not a transformer, and N rather than model size is scaled (64-4096 at "
            + "quick scale, 64-8192 at paper scale); best-of-n is evaluated exactly over a pool of base-policy samples per "
            + "proxy (2^17 with n <= 2^12, d <= 2.71 at quick scale; 2^19 with n <= 2^15, d <= 3.07 at paper "
            + "scale), and curves are averaged over 2 (quick) or 4 (paper) proxies per N.";

    @Override
    public List<Claim<OveroptimisationResult>> claims() {
        return List.of(
                Claim.<OveroptimisationResult>published("kl-bon-formula", PAPER.at("Sec. 2.2 (KL of best-of-n)"),
                        "The KL divergence of best-of-n from the base policy is log n - (n-1)/n: the exact KL of the "
                                + "best-of-n policy run here (over its pool) matches it at every n of the grid "
                                + "(largest difference, nats).",
                        r -> r.checks().maxKlError(), 0, Tolerance.atMost(KL_TOLERANCE), 1)
                        .withSetupNote("The formula is exact for a continuous base distribution; over a finite pool "
                                + "of P samples the KL is slightly smaller. The tolerance 1e-3 nats covers that gap "
                                + "for P >= 16 n (validated)."),
                Claim.<OveroptimisationResult>demonstration("bon-gold-fit",
                                PAPER.at("Sec. 1, Eq. 1; Fig. 1 (best-of-n)"),
                        "Against d = sqrt(KL), the gold reward of best-of-n follows R_bon(d) = d(alpha - beta d): "
                                + "the least-squares fit has R^2 >= 0.9 at every training-set size (smallest R^2).",
                        r -> r.checks().minBonR2(), MIN_R2, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " The paper shows its fits (Fig. 1) without an R^2; 0.9 is our "
                                + "threshold, fixed in advance. Where it falls short, it is at the smallest N: past "
                                + "the bends the gold reward falls quartically, faster than the law's -beta d^2 can "
                                + "follow, so the sharper the peak the worse the fit."),
                Claim.<OveroptimisationResult>demonstration("bon-overoptimisation",
                                PAPER.at("Fig. 1 (best-of-n: proxy against gold)"),
                        "Optimising the proxy harder keeps raising the proxy reward while the gold reward peaks at "
                                + "an interior n and falls: for the proxy trained on the fewest comparisons, "
                                + "min(gold drop after its peak, proxy rise after that peak) >= 0.1 gold sd.",
                        r -> r.checks().headlineOveroptimisation(), MIN_FALL, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " Read at the smallest N (64); the proxy is expressed in gold units "
                                + "(least-squares slope under the base policy)."),
                Claim.<OveroptimisationResult>demonstration("bon-peak-location",
                                PAPER.at("Sec. 1, Eq. 1 (maximum at d* = alpha / 2 beta); Fig. 1"),
                        "The fitted law locates the gold peak: d* = alpha/(2 beta) lies within 0.25 of the d where "
                                + "the measured gold curve is highest, for the proxy trained on the fewest "
                                + "comparisons (|difference|).",
                        r -> r.checks().headlinePeakError(), 0, Tolerance.atMost(PEAK_TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + " d* = alpha/(2 beta) follows from Eq. 1; the paper does not state a "
                                + "tolerance. 0.25 is about two grid steps (a factor of 2 in n) near the peak. The "
                                + "measured curve rises slowly and falls fast (see bon-gold-fit), so the symmetric "
                                + "fitted parabola tends to put its peak early."),
                Claim.<OveroptimisationResult>demonstration("alpha-rises-with-n",
                                PAPER.at("Fig. 3 (coefficients against RM size); Sec. 3 (RM data size)"),
                        "A better proxy gains more gold early: alpha_bon grows with the proxy's training-set size "
                                + "(least-squares slope of alpha_bon against log10 N >= 0).",
                        r -> r.checks().alphaBonSlope(), 0, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " The paper scales the reward model's parameters (Fig. 3) and, "
                                + "separately, its data (Sec. 3); here only the data grows, with the model fixed, "
                                + "and the direction of the trend is what is checked. The gold gained per unit d at "
                                + "n = 2 does rise with N (trend.initialGainBon), but the fitted alpha need not: "
                                + "alpha and beta are fitted together, and at small N the sharp peak pulls alpha up "
                                + "along with beta."),
                Claim.<OveroptimisationResult>demonstration("beta-falls-with-n",
                                PAPER.at("Fig. 3 (coefficients against RM size); Sec. 3 (RM data size)"),
                        "A better proxy is overoptimised later: beta_bon falls as the proxy's training-set size "
                                + "grows (least-squares slope of beta_bon against log10 N <= 0).",
                        r -> r.checks().betaBonSlope(), 0, Tolerance.atMost(0), SEEDS)
                        .withSetupNote(SETUP + " As for alpha: the data grows, the model is fixed; the direction of "
                                + "the trend is checked, not its size."),
                Claim.<OveroptimisationResult>demonstration("rl-gold-fit", PAPER.at("Sec. 1, Eq. 2; Fig. 1 (RL)"),
                        "Against d = sqrt(KL), the gold reward of KL-penalised policy optimisation follows "
                                + "R_RL(d) = d(alpha - beta log d): R^2 >= 0.9 at every training-set size "
                                + "(smallest R^2).",
                        r -> r.checks().minRlR2(), MIN_R2, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " The paper's RL is PPO on a language model, measured along training; "
                                + "here the policy is the exact optimum of E[proxy] - lambda KL on the pool, "
                                + "pi ~ pi_0 exp(proxy/lambda), for the lambda that gives each KL of the best-of-n "
                                + "grid (the KL-penalised frontier; the paper's Fig. 9 finds that the penalty acts "
                                + "like early stopping and does not move the gold-KL frontier). So this policy goes "
                                + "no further in KL than best-of-n (d <= 2.71 quick, 3.07 paper), far less than the "
                                + "paper's RL runs. Its gold curve looks like best-of-n's (see rl-form-distinct), "
                                + "and the log law fits it worst at small N, where it peaks early and falls fast."),
                Claim.<OveroptimisationResult>demonstration("rl-form-distinct",
                                PAPER.at("Abstract; Sec. 1 (the form depends on the optimisation method)"),
                        "The two methods need different laws: on the policy-optimisation curves d(alpha - beta log d) "
                                + "fits better than d(alpha - beta d) (mean over N of the difference in R^2 >= 0).",
                        r -> r.checks().rlFormAdvantage(), 0, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " Our policy optimisation is the exact KL-penalised optimum (an "
                                + "exponential tilt of the base policy), which is known to track best-of-n closely "
                                + "(both select on the proxy's upper tail); PPO's path in the paper is not at that "
                                + "optimum. A verdict against the claim here says that the log law is not forced by "
                                + "KL-penalised optimisation as such."));
    }

    @Override
    public List<Figure<OveroptimisationResult>> figures() {
        return OveroptimisationFigures.all();
    }
}
