package org.alignlab.threats.coordination;

import java.util.ArrayList;
import java.util.List;
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
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Match;
import org.alignlab.games.iterated.MatchResult;
import org.alignlab.games.iterated.MatchSpec;
import org.alignlab.games.iterated.StageGame;
import org.alignlab.games.iterated.Strategy;
import org.alignlab.games.iterated.strategies.StrategyRegistry;
import org.alignlab.games.iterated.strategies.ZeroDeterminant;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Extortion in the iterated Prisoner's Dilemma (Press and Dyson 2012, "Iterated Prisoner's Dilemma contains strategies
 * that dominate any evolutionary opponent", PNAS 109(26): 10409-10413): a memory-one zero-determinant strategy X with
 * factor χ enforces s_X − P = χ (s_Y − P) on the long-run mean payoffs, whatever Y does. Each extortioner plays one
 * long match against every strategy of the library (and its own twin), and the deviation from the line is compared
 * with the simulation error a match of that length allows.
 */
public final class ExtortionExperiment implements Experiment<ExtortionConfig, ExtortionResult> {

    public static final String ID = "threat-models.coordination-failures.extortion";

    static final Source PRESS_DYSON = Source.of("Press and Dyson", 2012, "Iterated Prisoner's Dilemma contains "
            + "strategies that dominate any evolutionary opponent (PNAS 109(26): 10409-10413)");
    static final Source STEWART_PLOTKIN = Source.of("Stewart and Plotkin", 2012, "Extortion and cooperation in the "
            + "Prisoner's Dilemma (PNAS 109(26): 10134-10135)");

    /** Standard errors allowed before a deviation counts as real. */
    static final double Z = 5;

    /** Batches for the batch-means standard error of a mean payoff (Schmeiser 1982). */
    static final int BATCHES = 50;

    static final StageGame GAME = StageGame.AXELROD;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Extortion: zero-determinant strategies fix a linear relation between the scores",
                "threat-models.coordination-failures",
                List.of(PRESS_DYSON.at("Eq. 12 and the extortionate strategies after it"), STEWART_PLOTKIN),
                "A player who remembers only the last move can tie the opponent's long-run score to its own: "
                        + "whatever the opponent does, the extortioner's surplus over mutual defection is chi times "
                        + "the opponent's. Each extortioner here meets every strategy of the library in one long "
                        + "match, and the measured scores fall on the enforced line within the simulation error. The "
                        + "opponent's best reply is to give in and cooperate fully, which pays the extortioner most.");
    }

    @Override
    public Class<ExtortionConfig> configType() {
        return ExtortionConfig.class;
    }

    @Override
    public Class<ExtortionResult> resultType() {
        return ExtortionResult.class;
    }

    @Override
    public ExtortionConfig config(Scale scale) {
        return scale == Scale.PAPER ? ExtortionConfig.paper() : ExtortionConfig.quick();
    }

    @Override
    public void validate(ExtortionConfig c) {
        for (double chi : chis(c)) ZeroDeterminant.extortion(chi, c.phiFraction(), GAME);
    }

    static double[] chis(ExtortionConfig c) {
        List<Double> out = new ArrayList<>();
        for (String s : (c.chis() == null ? "" : c.chis()).split(",")) {
            if (s.isBlank()) continue;
            try {
                out.add(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("chis: '" + s.trim() + "' is not a number; give factors >= 1 like chis=2,3,5");
            }
        }
        if (out.isEmpty()) throw new UsageException("chis: give at least one extortion factor, e.g. chis=2,3,5");
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * φ of a ZD strategy, read back from p_CD: p − (1, 1, 0, 0) = φ[(S_X − κ) − χ(S_Y − κ)] (Press and Dyson 2012,
     * Eq. 12), whose CD component is p_CD − 1 = φ[(S − κ) − χ(T − κ)].
     */
    static double phi(ZeroDeterminant x, StageGame g) {
        double k = x.kappa();
        return (x.probabilities()[1] - 1) / ((g.sucker() - k) - x.chi() * (g.temptation() - k));
    }

    /**
     * Five standard errors of |(s_X − P) − χ (s_Y − P)| after {@code turns} turns. With p̃ = p − (1, 1, 0, 0), the mean
     * of p̃ over the visited outcomes equals φ times the deviation exactly, and it is a martingale (X's move at t + 1
     * is drawn with probability p(outcome at t); increments of variance at most 1/4) plus a boundary term of at most
     * 1 — the finite-T form of Press and Dyson's argument (Akin's lemma). So |deviation| ≤ (Z √T / 2 + 1) / (φ T).
     */
    static double bound(double phi, int turns) {
        return (Z * Math.sqrt(turns) / 2 + 1) / (phi * turns);
    }

    /** The exact long-run payoff of unconditional cooperation against the memory-one X (a two-state chain). */
    static double cooperatorExact(ZeroDeterminant x, StageGame g) {
        double[] p = x.probabilities();
        double stay = 1 - p[0] + p[2];
        double share = stay == 0 ? 1 : p[2] / stay; // stationary share of turns in which X cooperates
        return g.reward() * share + g.sucker() * (1 - share);
    }

    @Override
    public ExtortionResult run(ExtortionConfig c, RunContext ctx) {
        double[] chis = chis(c);
        List<String> ids = StrategyRegistry.ids();
        int nOpp = ids.size() + 1;
        List<String> names = new ArrayList<>();
        for (String id : ids) names.add(StrategyRegistry.create(id).name());
        names.add("own twin");
        int cooperator = ids.indexOf("cooperator");
        MatchSpec spec = new MatchSpec(c.turns(), 0, 0, GAME);
        int k = chis.length;
        double[] phis = new double[k];
        double[][] sx = new double[k][nOpp];
        double[][] sy = new double[k][nOpp];
        double[][] seY = new double[k][nOpp];
        double[][] dev = new double[k][nOpp];
        double[] bound = new double[k];
        double[] coopExact = new double[k];
        double maxDev = 0;
        double maxRatio = 0;
        double margin = Double.NEGATIVE_INFINITY;
        List<String> bestOther = new ArrayList<>();
        double p = GAME.punishment();
        try (Progress bar = ctx.progress("matches", (long) k * nOpp)) {
            for (int ci = 0; ci < k; ci++) {
                ZeroDeterminant x = ZeroDeterminant.extortion(chis[ci], c.phiFraction(), GAME);
                phis[ci] = phi(x, GAME);
                bound[ci] = bound(phis[ci], c.turns());
                coopExact[ci] = cooperatorExact(x, GAME);
                for (int o = 0; o < nOpp; o++) {
                    ctx.checkCancelled();
                    Strategy y = o < ids.size() ? StrategyRegistry.create(ids.get(o)) : x.fresh();
                    String opp = o < ids.size() ? ids.get(o) : "twin";
                    MatchResult m = Match.play(x.fresh(), y, spec, ctx.seed("match/" + chis[ci] + "/" + opp));
                    sx[ci][o] = m.meanScoreA();
                    sy[ci][o] = m.meanScoreB();
                    seY[ci][o] = batchMeansError(m.movesB(), m.movesA());
                    dev[ci][o] = Math.abs((sx[ci][o] - p) - chis[ci] * (sy[ci][o] - p));
                    maxDev = Math.max(maxDev, dev[ci][o]);
                    maxRatio = Math.max(maxRatio, dev[ci][o] / bound[ci]);
                    bar.advance(1);
                }
                int best = -1;
                for (int o = 0; o < nOpp; o++) {
                    if (o == cooperator) continue;
                    if (best < 0 || sy[ci][o] > sy[ci][best]) best = o;
                    double se = Math.sqrt(seY[ci][o] * seY[ci][o] + seY[ci][cooperator] * seY[ci][cooperator]);
                    margin = Math.max(margin, (sy[ci][o] - sy[ci][cooperator]) / (Z * Math.max(se, 1e-12)));
                }
                bestOther.add(names.get(best));
                ctx.log("max-deviation/chi=" + Numbers.fmt(chis[ci]), ci, max(dev[ci]));
            }
        }
        ExtortionResult r = new ExtortionResult(chis, phis, names, sx, sy, dev, bound, maxDev, maxRatio, coopExact,
                margin, bestOther, c.turns());
        if (ctx.hasArtifactDir()) ctx.writeArtifact("matches.txt", r.table());
        return r;
    }

    private static double max(double[] xs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : xs) m = Math.max(m, x);
        return m;
    }

    /** Standard error of Y's mean payoff per turn from the means of {@link #BATCHES} consecutive batches. */
    static double batchMeansError(Action[] mine, Action[] theirs) {
        int size = mine.length / BATCHES;
        if (size == 0) return Double.NaN;
        double[] means = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            double s = 0;
            for (int t = b * size; t < (b + 1) * size; t++) s += GAME.payoff(mine[t], theirs[t]);
            means[b] = s / size;
        }
        double mean = 0;
        for (double m : means) mean += m;
        mean /= BATCHES;
        double ss = 0;
        for (double m : means) ss += (m - mean) * (m - mean);
        return Math.sqrt(ss / (BATCHES - 1) / BATCHES);
    }

    @Override
    public List<Claim<ExtortionResult>> claims() {
        return List.of(
                Claim.<ExtortionResult>published("linear-relation", PRESS_DYSON.at("Eq. 12 and after: extortionate "
                                        + "ZD strategies"),
                                "An extortioner with factor chi enforces s_X - P = chi (s_Y - P) against every "
                                        + "strategy of the library: the largest deviation over all matches, in units "
                                        + "of five standard errors of a match of this length (at most 1: the "
                                        + "relation holds to simulation precision).",
                                ExtortionResult::maxDeviationRatio, 0, Tolerance.atMost(1), 3)
                        .withSetupNote("Finite matches; the published relation is for the long-run means. The error "
                                + "bound follows from the martingale form of Press and Dyson's argument."),
                Claim.<ExtortionResult>demonstration("full-cooperation-is-the-best-reply", PRESS_DYSON.at("the "
                                        + "discussion of Y's best response to extortion"),
                                "Against an extortioner the opponent does best by cooperating fully: no library "
                                        + "strategy scores more against it than unconditional cooperation, beyond "
                                        + "five standard errors (largest margin, in those units, at most 1).",
                                ExtortionResult::bestReplyMargin, 0, Tolerance.atMost(1), 3));
    }

    @Override
    public List<Figure<ExtortionResult>> figures() {
        return List.of(new Figure<>("enforced-line", "Each match's mean payoffs (s_Y, s_X) and the enforced line "
                + "s_X - P = chi (s_Y - P)", in -> lineChart(in.result())));
    }

    private static XYChart lineChart(ExtortionResult r) {
        XYChart chart = new XYChartBuilder().width(900).height(620)
                .title("Extortion: the opponent's score fixes the extortioner's").xAxisTitle("s_Y (opponent)")
                .yAxisTitle("s_X (extortioner)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double p = GAME.punishment();
        for (int c = 0; c < r.chis().length; c++) {
            double chi = r.chis()[c];
            double hi = 0;
            for (double y : r.scoreY()[c]) hi = Math.max(hi, y);
            XYSeries line = chart.addSeries("line chi=" + Numbers.fmt(chi), new double[] {p, hi},
                    new double[] {p, p + chi * (hi - p)});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            XYSeries pts = chart.addSeries("matches chi=" + Numbers.fmt(chi), r.scoreY()[c], r.scoreX()[c]);
            pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return chart;
    }
}
