package org.alignlab.threats.powerseeking;

import java.awt.Color;
import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Seeds;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.power.Power;
import org.alignlab.decision.power.RewardSampler;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * POWER and optimality probability (Turner, Smith, Shah, Critch and Tadepalli 2021) on the small MDPs that Turner
 * uses to introduce them, with rewards IID uniform on [0, 1] per state and the γ → 0 and γ → 1 limits in closed
 * form ({@link Power}); and Turner's counterexample (rewards IID with CDF x², γ = 0.12), where the move to the state
 * with more POWER is not the more probable optimal move, checked against its optimality probability in closed form
 * ({@link #cxUpExact}).
 */
public final class PowerExperiment implements Experiment<PowerConfig, PowerResult> {

    public static final String ID = "threat-models.power-seeking.power";

    static final Source PAPER = Source.of("Turner, Smith, Shah, Critch, Tadepalli", 2021,
            "Optimal Policies Tend to Seek Power");
    /** The LessWrong post (December 2019; rewritten December 2020, when the counterexample was added). */
    static final Source POST = Source.of("Turner, Riggs", 2019,
            "Seeking Power is Often Convergently Instrumental in MDPs");
    static final Source REVIEW = Source.of("Turner", 2020,
            "2019 Review Rewrite: Seeking Power is Often Robustly Instrumental in MDPs");
    static final Source ORDER_STATISTICS = Source.of("David, Nagaraja", 2003, "Order Statistics");

    static final int MAX_N = 6;
    static final int SEEDS = 3;

    // With 20,000 samples a probability's standard error is at most 0.0036; over 3 seeds the 95% interval's half
    // width is about t(2) · 0.0036/√3 ≈ 0.009. 0.02 covers that with room and is far below the gaps between the
    // competing answers (e.g. 2/3 vs 3/4, 1/11 vs 1/2).
    static final double TOLERANCE = 0.02;

    /** The counterexample's discount rate and its published optimality probability of "up" (about 91%). */
    static final double CX_GAMMA = 0.12;
    static final double CX_PUBLISHED_UP = 0.91;

    /** Rewards IID with CDF F(x) = x² on [0, 1]: R = F⁻¹(U) = √U. */
    static final RewardSampler QUADRATIC_CDF = RewardSampler.iidInverseCdf(Math::sqrt);

    /** Discount rates of the curves against γ (figures). */
    static final double[] GAMMAS = {0.02, 0.05, 0.10, 0.12, 0.15, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90,
        0.95};

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "POWER and optimality probability in small MDPs", "threat-models.power-seeking",
                List.of(PAPER.at("definitions of POWER and optimality probability; average-reward limit"), POST,
                        REVIEW),
                "POWER(s) is the normalised optimal value an agent at s can expect when its state-based reward "
                        + "function is drawn at random: (1 - gamma)/gamma E[V*_R(s) - R(s)]. Turner et al. show "
                        + "that, for most reward functions, optimal policies keep options open and, as gamma -> 1, "
                        + "head for the larger sets of reachable absorbing states. Here rewards are IID uniform on "
                        + "[0, 1]; POWER and the probability that each move is optimal are estimated by Monte Carlo "
                        + "over reward functions, with the gamma -> 0 limit (best expected next-state reward) and "
                        + "the gamma -> 1 limit (best reachable cycle mean, deterministic MDPs) computed exactly "
                        + "for each sample. A counterexample (rewards IID with CDF x^2, gamma = 0.12) shows that the "
                        + "move to the higher-POWER state need not be the more probable optimal move; its "
                        + "optimality probability is also computed in closed form.");
    }

    @Override
    public Class<PowerConfig> configType() {
        return PowerConfig.class;
    }

    @Override
    public Class<PowerResult> resultType() {
        return PowerResult.class;
    }

    @Override
    public PowerConfig config(Scale scale) {
        return scale == Scale.PAPER ? PowerConfig.paper() : PowerConfig.quick();
    }

    @Override
    public PowerResult run(PowerConfig c, RunContext ctx) {
        RewardSampler uniform = RewardSampler.iidUniform();
        double[] maxOfN = new double[MAX_N];
        double maxErr = 0;
        for (int n = 1; n <= MAX_N; n++) {
            ctx.checkCancelled();
            maxOfN[n - 1] = estimate(PowerMdps.star(n), 0, Horizon.myopic(), c, ctx, "max-of-" + n).power();
            maxErr = Math.max(maxErr, Math.abs(maxOfN[n - 1] - n / (n + 1.0)));
            ctx.log("max-of-n/estimate", n, maxOfN[n - 1]);
        }
        Mdp candy = PowerMdps.candy();
        double candyMyopic = estimate(candy, PowerMdps.CANDY_START, Horizon.myopic(), c, ctx, "candy").power();
        Power.Estimate candyFar = estimate(candy, PowerMdps.CANDY_START, Horizon.farSighted(), c, ctx, "candy");
        ctx.checkCancelled();
        double shutdown = shutdownOptimal(c.samples(), Seeds.derive(ctx.seed(), "shutdown"));
        Power.Estimate branching = estimate(PowerMdps.branching(), PowerMdps.BRANCHING_START, Horizon.farSighted(),
                c, ctx, "branching");
        double[] alternatives = new double[5];
        double dev = 0;
        for (int a = 1; a <= 5; a++) {
            alternatives[a - 1] = branching.optimality(a);
            dev = Math.max(dev, Math.abs(alternatives[a - 1] - 0.1));
        }
        ctx.checkCancelled();

        // The counterexample at γ = 0.12 under rewards IID with CDF x².
        Mdp cx = PowerMdps.counterexample();
        Horizon at = Horizon.discounted(CX_GAMMA);
        Power.Estimate moves = Power.estimate(cx, PowerMdps.CX_START, at, QUADRATIC_CDF,
                new Power.Options(c.counterexampleSamples(), c.threads(), Seeds.derive(ctx.seed(), "counterexample")));
        double up = moves.optimality(0);
        double right = moves.optimality(1);
        double exact = cxUpExact(CX_GAMMA);
        // Both POWER estimates draw the same reward functions (same seed), so their difference is measured tightly.
        long powerSeed = Seeds.derive(ctx.seed(), "counterexample-power");
        double powerUp = Power.estimate(cx, PowerMdps.CX_UP, at, QUADRATIC_CDF,
                new Power.Options(c.samples(), c.threads(), powerSeed)).power();
        double powerRight = Power.estimate(cx, PowerMdps.CX_RIGHT, at, QUADRATIC_CDF,
                new Power.Options(c.samples(), c.threads(), powerSeed)).power();
        ctx.log("counterexample/up-optimal", 0, up);
        ctx.log("counterexample/power-up", 0, powerUp);
        ctx.log("counterexample/power-right", 0, powerRight);

        // Curves against γ, for the figures.
        double[] candyCurve = new double[GAMMAS.length];
        double[] upCurve = new double[GAMMAS.length];
        double[] upExact = new double[GAMMAS.length];
        for (int i = 0; i < GAMMAS.length; i++) {
            ctx.checkCancelled();
            Horizon h = Horizon.discounted(GAMMAS[i]);
            candyCurve[i] = Power.estimate(candy, PowerMdps.CANDY_START, h, uniform, new Power.Options(
                    c.curveSamples(), c.threads(), Seeds.derive(ctx.seed(), "candy-curve/" + i))).power();
            upCurve[i] = Power.estimate(cx, PowerMdps.CX_START, h, QUADRATIC_CDF, new Power.Options(
                    c.curveSamples(), c.threads(), Seeds.derive(ctx.seed(), "counterexample-curve/" + i)))
                    .optimality(0);
            upExact[i] = cxUpExact(GAMMAS[i]);
            ctx.log("candy/power-vs-gamma", i, candyCurve[i]);
            ctx.log("counterexample/up-vs-gamma", i, upCurve[i]);
        }
        return new PowerResult(maxOfN, maxErr, candyMyopic, candyFar.power(), candyFar.optimality(1), shutdown,
                branching.optimality(0), alternatives, dev, up, right, exact, Math.abs(up - exact), up - right,
                powerUp, powerRight, powerRight - powerUp, GAMMAS, candyCurve, upCurve, upExact);
    }

    private static Power.Estimate estimate(Mdp mdp, int state, Horizon h, PowerConfig c, RunContext ctx,
                                           String name) {
        return Power.estimate(mdp, state, h, RewardSampler.iidUniform(),
                new Power.Options(c.samples(), c.threads(), Seeds.derive(ctx.seed(), name)));
    }

    /**
     * The fraction of reward functions (IID uniform) for which an average-reward optimal policy from (1,1) of the
     * 4×3 world ends in the shutdown state: the gain at the start (largest mean reward of a reachable cycle, Karp)
     * is attained by the shutdown state's self-loop. Sample i uses the stream "sample/i", as {@link Power} does.
     */
    static double shutdownOptimal(int samples, long seed) {
        Mdp grid = PowerMdps.shutdown();
        RewardSampler uniform = RewardSampler.iidUniform();
        long base = Seeds.derive(seed, "power");
        int hits = 0;
        for (int i = 0; i < samples; i++) {
            if (endsInShutdown(grid, uniform.sample(grid.states(), Seeds.stream(base, "sample/" + i)))) hits++;
        }
        return (double) hits / samples;
    }

    /** True when, for rewards r, the gain at the start of the 4×3 world is attained by the shutdown self-loop. */
    static boolean endsInShutdown(Mdp grid, double[] r) {
        double gain = Power.evaluate(grid, PowerMdps.SHUTDOWN_START, Horizon.farSighted(), r).power();
        return gain - r[PowerMdps.SHUTDOWN_STATE] <= 1e-12;
    }

    /**
     * P(up is optimal at 1) in the counterexample at discount γ, rewards IID with CDF F(x) = x² on [0, 1]. Up is
     * optimal iff R(2) ≥ W with W = (1 − γ) R(3) + (1 − γ) γ R(4) + γ² max(R(5), R(6)) (Turner 2019's inequality;
     * ties have probability 0). W lies in [0, 1], so P(R(2) ≥ W | W) = 1 − W² and P(up) = 1 − E[W²], with
     * E[R] = 2/3, E[R²] = 1/2 (density 2x), and for M = max of two draws (CDF x⁴) E[M] = 4/5, E[M²] = 2/3.
     */
    static double cxUpExact(double gamma) {
        double a = 1 - gamma;
        double b = (1 - gamma) * gamma;
        double c = gamma * gamma;
        double eR = 2.0 / 3;
        double eR2 = 0.5;
        double eM = 0.8;
        double eM2 = 2.0 / 3;
        double eW2 = (a * a + b * b) * eR2 + c * c * eM2 + 2 * a * b * eR * eR + 2 * (a + b) * c * eR * eM;
        return 1 - eW2;
    }

    /** POWER(3) − POWER(2) in the counterexample, closed form: ((1 − γ) E[R] + γ E[M]) − E[R] = γ (4/5 − 2/3). */
    static double cxPowerGapExact(double gamma) {
        return gamma * (0.8 - 2.0 / 3);
    }

    static final String SETUP = "Rewards IID uniform on [0, 1] per state; Monte Carlo over reward functions "
            + "(quick: 20,000 per estimate, paper: 400,000), limits gamma -> 0 and gamma -> 1 computed exactly per "
            + "sample.";


    static final String BRANCHING_NOTE = " The post's text fixes the structure: all but one move end the game and "
            + "the remaining move keeps five final outcomes reachable; the number of game-ending moves (five) is "
            + "the one that makes the stated 50% + 10% each sum to 1 (the drawing itself could not be viewed here), "
            + "and the continuation, with the opponent's replies, is collapsed to one choice among its five final "
            + "boards, which leaves the gamma -> 1 answer unchanged: see PowerMdps.branching.";

    static final String SHUTDOWN_NOTE = " The MDP is the 4x3 grid world of Russell and Norvig (AIMA 3e, Fig. 17.1) "
            + "that the post names, 11 cells, start (1,1), shutdown at the -1 exit (4,2); the post's figure says "
            + "every state has a self-loop, so each cell has a 'stay' action. Moves are deterministic here (AIMA's "
            + "0.8/0.1/0.1 slip is dropped; with self-loops everywhere the reachable cycles, hence the gamma -> 1 "
            + "answer, do not change). Measured: the fraction of reward functions for which the gain at the start "
            + "(Karp's maximum mean cycle) is attained by the shutdown state's self-loop.";

    static final String CX_SETUP = " The MDP (1 -up-> 2 absorbing; 1 -right-> 3 -> 4 -> 5 or 6, absorbing) is read "
            + "off the post's figure caption and its inequality R(2) >= (1-g)R(3) + (1-g)g R(4) + g^2 max(R(5), "
            + "R(6)); rewards IID with CDF F(x) = x^2 on [0, 1] (R = sqrt(U)); optimality of each move at gamma = "
            + "0.12 by value iteration per reward function (quick: 100,000 reward functions, paper: 2,000,000).";

    @Override
    public List<Claim<PowerResult>> claims() {
        return List.of(
                Claim.<PowerResult>published("max-of-n-uniforms",
                                ORDER_STATISTICS.at("expected largest of n IID uniform(0, 1) variables, n/(n + 1)"),
                        "The expected maximum of n IID uniform(0, 1) rewards is n/(n + 1): the Monte Carlo POWER "
                                + "of a star of n absorbing states as gamma -> 0 matches it for n = 1..6 (largest "
                                + "|error|).",
                        PowerResult::maxOfNError, 0, Tolerance.atMost(0.015), SEEDS)
                        .withSetupNote(SETUP + " Exact value, used by Turner et al. for POWER under IID uniform "
                                + "rewards; 0.015 is about four standard errors of the worst of six estimates."),
                Claim.<PowerResult>published("candy-power-myopic",
                                POST.at("'Power as average optimal value', candy-or-wait example"),
                        "POWER(start) tends to 2/3 as gamma -> 0: the better of the two next states (candy, wait).",
                        PowerResult::candyPowerMyopic, 2.0 / 3, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<PowerResult>published("candy-power-farsighted",
                                POST.at("'Power as average optimal value', candy-or-wait example"),
                        "POWER(start) tends to 3/4 as gamma -> 1: the best of the three reachable absorbing "
                                + "states (candy, chocolate, hug).",
                        PowerResult::candyPowerFarSighted, 3.0 / 4, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<PowerResult>published("candy-wait-optimal",
                                POST.at("'Convergently instrumental actions are those which are more probable "
                                        + "under optimality', candy-or-wait example"),
                        "As gamma -> 1, waiting is optimal for 2/3 of reward functions: it keeps two of the three "
                                + "absorbing states reachable.",
                        PowerResult::candyWaitOptimal, 2.0 / 3, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<PowerResult>published("shutdown-optimal",
                                POST.at("'Terminal option preservation', figure of the AIMA 4x3 world: state 2 "
                                        + "has a 1/11 chance of having the most reward"),
                        "As gamma -> 1, an optimal policy from the start of the 4x3 world ends in the shutdown "
                                + "state for only 1/11 of reward functions: exactly those that give it the most "
                                + "reward of the 11 reachable cells.",
                        PowerResult::shutdownOptimal, 1.0 / 11, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + SHUTDOWN_NOTE),
                Claim.<PowerResult>published("branching-keep-options",
                                POST.at("'Retaining long-term options ...', Tic-Tac-Toe example"),
                        "As gamma -> 1, the move that keeps five absorbing states reachable is optimal half the "
                                + "time against five moves to one absorbing state each.",
                        PowerResult::branchingKeepOptions, 0.5, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + BRANCHING_NOTE),
                Claim.<PowerResult>published("branching-alternatives",
                                POST.at("'Retaining long-term options ...', Tic-Tac-Toe example"),
                        "Each of the five single-option moves is optimal 10% of the time (largest |P - 0.1|).",
                        PowerResult::branchingAlternativeMaxDeviation, 0, Tolerance.atMost(TOLERANCE), SEEDS)
                        .withSetupNote(SETUP + BRANCHING_NOTE),
                Claim.<PowerResult>published("counterexample-up-optimal",
                                POST.at("2020 rewrite, 'When is seeking POWER convergently instrumental?', "
                                        + "counterexample figure: CDF F(x) = x^2, gamma = .12, up optimal 'about 91%' "
                                        + "(also in " + REVIEW.cite() + "; the paper's v6, Sect. 6 and App. B.3, "
                                        + "could not be read here)"),
                        "At gamma = 0.12 with rewards IID of CDF x^2, going up (to an absorbing state, no further "
                                + "choice) is optimal for about 91% of reward functions.",
                        PowerResult::cxUpOptimal, CX_PUBLISHED_UP, Tolerance.absolute(TOLERANCE), SEEDS)
                        .withSetupNote(CX_SETUP + " The post's own inequality gives P(up) = 1 - E[W^2] = 0.5093 "
                                + "exactly at gamma = 0.12 (at most 0.5114, near gamma = 0.21, for any gamma), so "
                                + "0.91 cannot come from this MDP and distribution. The tolerance 0.02 is far "
                                + "above the Monte Carlo error (3-seed half width about 0.005 at quick scale)."),
                Claim.<PowerResult>demonstration("counterexample-closed-form",
                                POST.at("counterexample: the inequality for up being optimal"),
                        "The Monte Carlo optimality probability of up at gamma = 0.12 (value iteration per reward "
                                + "function) matches the closed form 1 - E[W^2] = 0.5093 (|difference|).",
                        PowerResult::cxUpError, 0, Tolerance.atMost(0.008), SEEDS)
                        .withSetupNote(CX_SETUP + " 0.008 is about five standard errors of a 100,000-sample "
                                + "estimate."),
                Claim.<PowerResult>demonstration("counterexample-up-more-probable",
                                POST.at("counterexample: 'the vast majority of agents go up'"),
                        "At gamma = 0.12, up is more probable under optimality than right (P(up) - P(right) > 0; "
                                + "exactly 0.0187), although right leads to the state with more POWER.",
                        PowerResult::cxOptimalityGap, 0, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(CX_SETUP),
                Claim.<PowerResult>demonstration("counterexample-right-seeks-power",
                                POST.at("counterexample: 'having no future choices (at state 2)' is less powerful "
                                        + "than 'one future choice (at state 3)'"),
                        "At gamma = 0.12, right seeks POWER compared to up: POWER(3) - POWER(2) > 0 (exactly "
                                + "gamma (4/5 - 2/3) = 0.016).",
                        PowerResult::cxPowerGap, 0, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(CX_SETUP + " POWER(2) and POWER(3) are estimated from the same "
                                + "reward functions (quick: 20,000)."));
    }

    @Override
    public List<Figure<PowerResult>> figures() {
        return List.of(
                new Figure<>("candy-power-vs-gamma", "Candy or wait: POWER(start) against the discount rate",
                        in -> candyFigure(in.result())),
                new Figure<>("counterexample-optimality-vs-gamma",
                        "Counterexample: probability that each move is optimal against the discount rate",
                        in -> counterexampleFigure(in.result())));
    }

    static XYChart candyFigure(PowerResult r) {
        XYChart chart = chart("Candy or wait (rewards IID uniform): POWER(start) against gamma", "POWER(start)");
        XYSeries mc = chart.addSeries("Monte Carlo estimate", r.gammas(), r.candyPowerCurve());
        mc.setLineStyle(SeriesLines.NONE);
        mc.setMarker(SeriesMarkers.CIRCLE);
        level(chart, "gamma -> 0 limit: 2/3", 2.0 / 3, Color.GRAY);
        level(chart, "gamma -> 1 limit: 3/4", 3.0 / 4, Color.BLACK);
        return chart;
    }

    static XYChart counterexampleFigure(PowerResult r) {
        XYChart chart = chart("Counterexample (rewards IID, CDF x^2): P(move optimal at 1) against gamma",
                "optimality probability");
        double[] g = r.gammas();
        double[] up = r.cxUpCurve();
        double[] right = new double[g.length];
        double[] upExact = r.cxUpCurveExact();
        double[] rightExact = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            right[i] = 1 - up[i]; // the two moves' shares sum to 1 for every reward function
            rightExact[i] = 1 - upExact[i];
        }
        XYSeries upMc = chart.addSeries("up, Monte Carlo", g, up);
        upMc.setLineStyle(SeriesLines.NONE);
        upMc.setMarker(SeriesMarkers.CIRCLE);
        XYSeries rightMc = chart.addSeries("right, Monte Carlo", g, right);
        rightMc.setLineStyle(SeriesLines.NONE);
        rightMc.setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("up, closed form", g, upExact).setMarker(SeriesMarkers.NONE);
        chart.addSeries("right, closed form", g, rightExact).setMarker(SeriesMarkers.NONE);
        level(chart, "published: up about 91% at gamma = 0.12", CX_PUBLISHED_UP, Color.RED);
        XYSeries mark = chart.addSeries("gamma = 0.12", new double[] {CX_GAMMA, CX_GAMMA}, new double[] {0, 1});
        mark.setLineStyle(SeriesLines.DASH_DASH);
        mark.setLineColor(Color.GRAY);
        mark.setMarker(SeriesMarkers.NONE);
        XYSeries here = chart.addSeries("measured at gamma = 0.12", new double[] {CX_GAMMA},
                new double[] {r.cxUpOptimal()});
        here.setMarker(SeriesMarkers.SQUARE);
        here.setLineStyle(SeriesLines.NONE);
        return chart;
    }

    private static XYChart chart(String title, String y) {
        XYChart chart = new XYChartBuilder().width(760).height(440).title(title).xAxisTitle("discount rate gamma")
                .yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.00");
        return chart;
    }

    // A dashed horizontal line across gamma in [0, 1].
    private static void level(XYChart chart, String name, double y, Color color) {
        XYSeries s = chart.addSeries(name, new double[] {0, 1}, new double[] {y, y});
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
    }
}
