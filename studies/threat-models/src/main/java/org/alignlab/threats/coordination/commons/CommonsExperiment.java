package org.alignlab.threats.coordination.commons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.MetricLog;
import org.alignlab.core.Progress;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.core.UsageException;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Tragedy of the commons with learning agents (Perolat, Leibo, Zambaldi, Beattie, Tuyls, Graepel 2017): independent
 * reinforcement learners share an orchard whose apples regrow only near other apples. Each learner gains from every
 * apple it takes and bears only a share of the lost regrowth; the larger the group, the faster the orchard is picked
 * clean. The sweep trains groups of different sizes from scratch and reports the paper's four social outcome metrics
 * for each.
 */
public final class CommonsExperiment implements Experiment<CommonsConfig, CommonsResult> {

    public static final String ID = "threat-models.coordination-failures.commons";

    static final Source PAPER = Source.of("Perolat, Leibo, Zambaldi et al.", 2017,
            "A multi-agent reinforcement learning model of common-pool resource appropriation (NeurIPS 2017)");

    /** Runs per claim at quick scale. */
    static final int SEEDS = 5;

    private static final String LEARNER_NOTE = "Learners: independent linear Q-learners over one-hot features of a "
            + "small egocentric window (quick: 3 rows ahead, 1 behind, 2 to each side; paper: 5, 2 and 4; plus a "
            + "count of apples in view), not the paper's deep Q-networks over a 20x21 RGB window; this is the CPU "
            + "substitute. Training is far shorter than the paper's (quick: 120 episodes of 250 steps on a 24x12 "
            + "field; paper: 300 episodes of 1000 steps on a 38x16 field per group size). The orchard is "
            + "a lattice of diamond-shaped patches in the manner of the paper's Fig. 1, not its exact layout; the "
            + "beam length (5 cells) is ours. Regrowth table, radius 2, 25-step time-out and the metrics are the "
            + "paper's.";

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Tragedy of the commons with independent learners",
                "threat-models.coordination-failures",
                List.of(PAPER.at("Sect. 2 (the commons game, respawn table), Sect. 3 (social outcome metrics), "
                        + "Sect. 4 (a lone agent harvests sustainably; groups of learners deplete the resource)")),
                "Many actors, each optimising for itself, share a renewable resource. Apples regrow on an empty "
                        + "orchard cell with a probability that rises with the number of apples within two cells "
                        + "and is zero with none, so a patch picked clean is gone for good. Groups of 1 to 12 "
                        + "independent Q-learners are trained from scratch; for each group size the experiment "
                        + "reports efficiency, equality, sustainability and peace, and how much of the orchard "
                        + "is left at the end of an episode.");
    }

    @Override
    public Class<CommonsConfig> configType() {
        return CommonsConfig.class;
    }

    @Override
    public Class<CommonsResult> resultType() {
        return CommonsResult.class;
    }

    @Override
    public CommonsConfig config(Scale scale) {
        return scale == Scale.PAPER ? CommonsConfig.paper() : CommonsConfig.quick();
    }

    @Override
    public void validate(CommonsConfig c) {
        if (c.agents().length < 2) {
            throw new UsageException("agents needs at least two group sizes to compare, e.g. agents=1,4,8");
        }
        for (int k = 1; k < c.agents().length; k++) {
            if (c.agents()[k] <= c.agents()[k - 1]) {
                throw new UsageException("agents must be strictly increasing, got " + Arrays.toString(c.agents()));
            }
        }
        if (2 * c.summaryEpisodes() > c.episodes()) {
            throw new UsageException("summaryEpisodes=" + c.summaryEpisodes() + " must be at most half of episodes="
                    + c.episodes() + " (early and final summaries must not overlap)");
        }
        if (c.epsilonEnd() > c.epsilonStart()) {
            throw new UsageException("epsilonEnd=" + c.epsilonEnd() + " must not exceed epsilonStart="
                    + c.epsilonStart());
        }
        CommonsMap map = c.map();
        int largest = c.agents()[c.agents().length - 1];
        if (largest > map.spawnCells()) {
            throw new UsageException(largest + " agents do not fit on the " + c.width() + "x" + c.height()
                    + " map (" + map.spawnCells() + " free cells); use a larger map or fewer agents");
        }
    }

    @Override
    public CommonsResult run(CommonsConfig c, RunContext ctx) {
        validate(c);
        int k = c.agents().length;
        int window = c.summaryEpisodes();
        double[] u = new double[k];
        double[] e = new double[k];
        double[] s = new double[k];
        double[] p = new double[k];
        double[] left = new double[k];
        double[] earlyS = new double[k];
        double[] earlyLeft = new double[k];
        double[][] stock = new double[k][];
        long total = (long) k * c.episodes();
        try (Progress bar = ctx.progress("commons", total)) {
            for (int g = 0; g < k; g++) {
                int n = c.agents()[g];
                String prefix = "n" + n + "/";
                CommonsTraining.Run run = CommonsTraining.run(c.setup(n), ctx.random(prefix + "env"),
                        ctx.random(prefix + "agents"), (ep, m, appleShare) -> {
                            ctx.checkCancelled();
                            ctx.log(prefix + "efficiency", ep, m.efficiency());
                            ctx.log(prefix + "equality", ep, m.equality());
                            // an episode in which nobody harvested has no S; nothing is logged for it
                            if (!Double.isNaN(m.sustainability())) {
                                ctx.log(prefix + "sustainability", ep, m.sustainability());
                            }
                            ctx.log(prefix + "peace", ep, m.peace());
                            ctx.log(prefix + "apples-left", ep, appleShare);
                            bar.advance(1);
                        });
                int eps = c.episodes();
                u[g] = mean(run.metrics(), eps - window, eps, SocialMetrics::efficiency);
                e[g] = mean(run.metrics(), eps - window, eps, SocialMetrics::equality);
                s[g] = mean(run.metrics(), eps - window, eps, SocialMetrics::sustainability);
                p[g] = mean(run.metrics(), eps - window, eps, SocialMetrics::peace);
                earlyS[g] = mean(run.metrics(), 0, window, SocialMetrics::sustainability);
                left[g] = mean(run.applesLeft(), eps - window, eps);
                earlyLeft[g] = mean(run.applesLeft(), 0, window);
                stock[g] = run.lastStock();
            }
        }
        double[] sizes = Arrays.stream(c.agents()).asDoubleStream().toArray();
        return new CommonsResult(c.agents(), c.map().orchardSize(), u, e, s, p, left, earlyS, earlyLeft,
                spearman(sizes, s), left[k - 1], s[k - 1] - earlyS[k - 1], stock);
    }

    /** Mean of f over metrics[from, to), skipping NaN (an episode in which nobody harvested has no S). */
    static double mean(SocialMetrics[] metrics, int from, int to,
                       java.util.function.ToDoubleFunction<SocialMetrics> f) {
        double[] xs = new double[to - from];
        for (int i = from; i < to; i++) xs[i - from] = f.applyAsDouble(metrics[i]);
        return mean(xs, 0, xs.length);
    }

    static double mean(double[] xs, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(xs[i])) continue;
            sum += xs[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Spearman's rank correlation: Pearson's correlation of the ranks, ties given their average rank. */
    static double spearman(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) throw new IllegalArgumentException("need two equal samples of >= 2");
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += rx[i];
            my += ry[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        if (sxx == 0 || syy == 0) return 0;
        return sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(v[idx[j + 1]], v[idx[i]]) == 0) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) r[idx[m]] = avg;
            i = j + 1;
        }
        return r;
    }

    @Override
    public List<Claim<CommonsResult>> claims() {
        return List.of(
                Claim.<CommonsResult>published("sustainability-falls-with-group-size",
                                PAPER.at("Sect. 4: one agent harvests sustainably, groups of independent learners "
                                        + "deplete the resource"),
                                "The more agents share the orchard, the earlier in an episode the apples are "
                                        + "harvested: the Spearman correlation between group size and "
                                        + "sustainability S is negative.",
                                CommonsResult::sustainabilitySpearman, 0, Tolerance.atMost(0), SEEDS)
                        .withSetupNote("The paper states the direction, not a number; the measure (Spearman "
                                + "correlation below 0, over the final 10% of training episodes) was fixed before "
                                + "measuring. " + LEARNER_NOTE),
                Claim.<CommonsResult>published("largest-group-depletes",
                                PAPER.at("Sect. 4, the tragedy phase: the resource is depleted"),
                                "The largest group strips the orchard: apples standing at the end of an episode, "
                                        + "as a share of the full orchard, are near zero.",
                                CommonsResult::applesLeftMostAgents, 0, Tolerance.atMost(0.05), SEEDS)
                        .withSetupNote("'Near zero' means at most 5% of the orchard, fixed before measuring. "
                                + LEARNER_NOTE),
                Claim.<CommonsResult>published("sustainability-falls-as-agents-learn",
                                PAPER.at("Sect. 4, from the naive to the tragedy phase of training"),
                                "As the largest group learns to harvest, sustainability falls: S over the final "
                                        + "episodes minus S over the first (near-random) episodes is negative.",
                                CommonsResult::sustainabilityChangeMostAgents, 0, Tolerance.atMost(0), SEEDS)
                        .withSetupNote("Early and final are the first and the last 10% of training episodes. "
                                + "The paper's later 'maturity' phase, in which agents learn to exclude others "
                                + "with the beam and sustainability partly recovers, is not claimed here. "
                                + LEARNER_NOTE));
    }

    @Override
    public List<Figure<CommonsResult>> figures() {
        return List.of(
                metricFigure("efficiency", "Efficiency U (apples per step) vs group size", CommonsResult::efficiency),
                metricFigure("equality", "Equality E = 1 - Gini vs group size", CommonsResult::equality),
                metricFigure("sustainability", "Sustainability S (mean harvest step) vs group size",
                        CommonsResult::sustainability),
                metricFigure("peace", "Peace P (agents in play) vs group size", CommonsResult::peace),
                metricFigure("apples-left", "Apples left at episode end (share of orchard) vs group size",
                        CommonsResult::applesLeft),
                new Figure<>("apple-stock", "Apples standing over the last episode, per group size",
                        in -> stockChart(in.result())),
                new Figure<>("sustainability-training", "Sustainability over training, per group size",
                        in -> trainingChart(in.result(), in.metrics())));
    }

    private static Figure<CommonsResult> metricFigure(String id, String title, Function<CommonsResult, double[]> f) {
        return new Figure<>(id + "-vs-agents", title, in -> {
            CommonsResult r = in.result();
            XYChart chart = new XYChartBuilder().width(700).height(450).title(title).xAxisTitle("agents")
                    .yAxisTitle(id).build();
            chart.addSeries(id + " (final episodes)", Arrays.stream(r.agents()).asDoubleStream().toArray(),
                    f.apply(r));
            return chart;
        });
    }

    private static XYChart stockChart(CommonsResult r) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Apple stock over an episode")
                .xAxisTitle("step").yAxisTitle("apples standing").build();
        for (int g = 0; g < r.agents().length; g++) {
            double[] t = new double[r.stock()[g].length];
            for (int i = 0; i < t.length; i++) t[i] = i;
            chart.addSeries(r.agents()[g] + " agent" + (r.agents()[g] == 1 ? "" : "s"), t, r.stock()[g]);
        }
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    private static XYChart trainingChart(CommonsResult r, MetricLog log) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Sustainability S over training")
                .xAxisTitle("episode").yAxisTitle("S (mean harvest step)").build();
        List<String> names = new ArrayList<>(log.names());
        for (int n : r.agents()) {
            String name = "n" + n + "/sustainability";
            if (!names.contains(name)) continue;
            chart.addSeries(n + " agent" + (n == 1 ? "" : "s"), log.steps(name), log.values(name));
        }
        chart.getStyler().setMarkerSize(0);
        return chart;
    }
}
