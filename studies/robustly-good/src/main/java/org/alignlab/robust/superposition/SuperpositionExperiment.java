package org.alignlab.robust.superposition;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignlab.core.Claim;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentInfo;
import org.alignlab.core.Figure;
import org.alignlab.core.RunContext;
import org.alignlab.core.Scale;
import org.alignlab.core.Source;
import org.alignlab.core.Tolerance;
import org.alignlab.core.UsageException;
import org.alignlab.neural.AdamConfig;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Toy Models of Superposition (Elhage et al. 2022): ReLU output models x' = ReLU(WᵀWx + b) trained on sparse
 * synthetic features, in three parts. (a) n = 5 features in m = 2 dimensions, importance 0.9^i: the two most
 * important features orthogonal when dense, all five in a pentagon when sparse. (b) n = 20, m = 5, importance 0.7^i:
 * WᵀW across the paper's seven sparsities, superposition emerging through antipodal pairs. (c) n = 200, m = 20, equal
 * importance: dimensions per feature m/‖W‖_F² against 1/(1 − S), sticky at 1 and ½, and feature dimensionalities
 * D_i clustering at the fractions of uniform polytopes.
 */
public final class SuperpositionExperiment implements Experiment<SuperpositionConfig, SuperpositionResult> {

    public static final String ID = "robustly-good.interpretability.superposition";

    static final Source PAPER = Source.of("Elhage et al.", 2022, "Toy Models of Superposition");

    static final int SEEDS = 3;

    static final int A_FEATURES = 5, A_HIDDEN = 2;
    static final int B_FEATURES = 20, B_HIDDEN = 5;

    /** Bands decided before measuring (see the claims' setup notes). */
    static final double NORM_BAND = 0.15, ORTHOGONAL_BAND = 0.1, ANGLE_BAND = 12, PENTAGON_NORM_BAND = 0.3,
            ANTIPODAL_BAND = 0.02, DENSE_DSTAR_BAND = 0.03, HALF_BAND = 0.03, HALF_PLATEAU_DECADES = 0.12,
            STICKY_BAND = 0.02, STICKY_SHARE = 0.5, SPARSE_FROM = 0.5;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Toy models of superposition", "robustly-good.interpretability",
                List.of(PAPER.at("'Demonstrating Superposition'; 'The Geometry of Superposition'")),
                "A ReLU output model x' = ReLU(W^T W x + b) squeezes n sparse features (each zero with "
                        + "probability S, else uniform on [0, 1]) through m < n hidden dimensions and is trained "
                        + "to reconstruct them under an importance-weighted squared error. Dense features give a "
                        + "PCA-like answer: the m most important features, orthogonal, the rest dropped. Sparse "
                        + "features give superposition: more than m features stored in non-orthogonal directions, "
                        + "five features in two dimensions as a pentagon, antipodal pairs first in larger models, "
                        + "and per-feature dimensionalities that stick at the fractions of uniform polytopes. "
                        + "Three parts: (a) n=5, m=2; (b) n=20, m=5; (c) n=200, m=20 with equal importance.");
    }

    @Override
    public Class<SuperpositionConfig> configType() {
        return SuperpositionConfig.class;
    }

    @Override
    public Class<SuperpositionResult> resultType() {
        return SuperpositionResult.class;
    }

    @Override
    public SuperpositionConfig config(Scale scale) {
        return scale == Scale.PAPER ? SuperpositionConfig.paper() : SuperpositionConfig.quick();
    }

    @Override
    public void validate(SuperpositionConfig c) {
        checkSweep("pentagonSparsities", c.pentagonSparsities());
        checkSweep("sweepSparsities", c.sweepSparsities());
        if (c.uniformHidden() >= c.uniformFeatures())
            throw new UsageException("uniformHidden=" + c.uniformHidden() + " must be below uniformFeatures="
                    + c.uniformFeatures() + " (superposition needs more features than dimensions)");
    }

    private static void checkSweep(String key, double[] s) {
        if (s.length < 2 || s[0] != 0)
            throw new UsageException(key + " must start at 0 (the dense model) and have at least two values, got "
                    + Arrays.toString(s));
        for (int i = 1; i < s.length; i++)
            if (!(s[i] > s[i - 1]))
                throw new UsageException(key + " must increase, got " + Arrays.toString(s));
    }

    @Override
    public SuperpositionResult run(SuperpositionConfig c, RunContext ctx) {
        validate(c);
        AdamConfig adamW = AdamConfig.adamW(c.lr(), c.weightDecay());

        // (a) five features in two dimensions, I_i = 0.9^i.
        SparsitySweep.Trained a = SparsitySweep.train(new SparsitySweep.Spec(A_FEATURES, A_HIDDEN,
                        geometric(0.9, A_FEATURES), c.pentagonSparsities(), c.restarts(), c.steps(), c.batch(),
                        adamW), ctx.random("a/init"), ctx.random("a/data"), ctx, "a");
        int lastA = c.pentagonSparsities().length - 1;
        double[][] aDense = a.w()[0], aSparse = a.w()[lastA];
        int[] aRep = new int[lastA + 1];
        for (int s = 0; s <= lastA; s++) aRep[s] = Geometry.represented(a.w()[s]);
        double aAngle = 0;
        for (double g : Geometry.angleGaps(aSparse)) aAngle = Math.max(aAngle, Math.abs(g - 72));
        ctx.checkCancelled();

        // (b) twenty features in five dimensions, I_i = 0.7^i.
        SparsitySweep.Trained b = SparsitySweep.train(new SparsitySweep.Spec(B_FEATURES, B_HIDDEN,
                        geometric(0.7, B_FEATURES), c.sweepSparsities(), c.restarts(), c.steps(), c.batch(),
                        adamW), ctx.random("b/init"), ctx.random("b/data"), ctx, "b");
        int nB = c.sweepSparsities().length;
        double[][][] gram = new double[nB][][];
        double[][] bNorms = new double[nB][];
        int[] bRep = new int[nB];
        int drops = 0;
        for (int s = 0; s < nB; s++) {
            gram[s] = Geometry.gram(b.w()[s]);
            bNorms[s] = Geometry.norms(b.w()[s]);
            bRep[s] = Geometry.represented(b.w()[s]);
            if (s > 0 && bRep[s] < bRep[s - 1]) drops++;
        }
        double othersNorm = 0;
        for (int i = B_HIDDEN; i < B_FEATURES; i++) othersNorm = Math.max(othersNorm, bNorms[0][i]);
        ctx.checkCancelled();

        // (c) uniform superposition: n features of importance 1 in m dimensions.
        int n = c.uniformFeatures();
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        double[] sC = c.uniformSparsities();
        SparsitySweep.Trained u = SparsitySweep.train(new SparsitySweep.Spec(n, c.uniformHidden(), ones, sC, 1,
                c.steps(), c.batch(), adamW), ctx.random("c/init"), ctx.random("c/data"), ctx, "c");
        double[] dStar = new double[sC.length];
        double[][] dims = new double[sC.length][];
        double[][] norms = new double[sC.length][];
        for (int s = 0; s < sC.length; s++) {
            dStar[s] = Geometry.dimensionsPerFeature(u.w()[s]);
            dims[s] = Geometry.dimensionality(u.w()[s]);
            norms[s] = Geometry.norms(u.w()[s]);
            ctx.log("c/dims-per-feature", s, dStar[s]);
        }
        int onSticky = 0, counted = 0, pentagon = 0;
        for (int s = 0; s < sC.length; s++) {
            if (sC[s] < SPARSE_FROM) continue;
            for (int i = 0; i < n; i++) {
                if (norms[s][i] <= Geometry.REPRESENTED) continue;
                counted++;
                if (Geometry.distanceToSticky(dims[s][i]) <= STICKY_BAND) onSticky++;
                if (Math.abs(dims[s][i] - 0.4) <= STICKY_BAND) pentagon++;
            }
        }

        return new SuperpositionResult(c.pentagonSparsities().clone(), a.w(), a.b(), a.loss(), aRep, aRep[0],
                topNormError(aDense, A_HIDDEN), Geometry.maxAbsCosine(aDense, A_HIDDEN), aRep[lastA], aAngle,
                maxNormError(aSparse),
                c.sweepSparsities().clone(), gram, bNorms, b.b(), b.loss(), bRep, bRep[0],
                topNormError(b.w()[0], B_HIDDEN), othersNorm, Geometry.maxAbsCosine(b.w()[0], B_HIDDEN),
                bRep[nB - 1], drops, Geometry.minCosineRepresented(b.w()[1]),
                sC, dStar, dims, norms, u.loss(), dStar[0], halfPlateau(sC, dStar),
                counted == 0 ? 0 : (double) onSticky / counted, pentagon);
    }

    static double[] geometric(double ratio, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = Math.pow(ratio, i);
        return out;
    }

    /** max over the k most important features of |‖W_i‖ − 1|. */
    static double topNormError(double[][] w, int k) {
        double[] norms = Geometry.norms(w);
        double worst = 0;
        for (int i = 0; i < k; i++) worst = Math.max(worst, Math.abs(norms[i] - 1));
        return worst;
    }

    static double maxNormError(double[][] w) {
        return topNormError(w, w.length);
    }

    /**
     * The width, in decades of 1/(1 − S), of the longest run of consecutive sparsities whose D* lies within
     * {@link #HALF_BAND} of ½ (0 when no sparsity does, or only one).
     */
    static double halfPlateau(double[] sparsity, double[] dStar) {
        double best = 0;
        int start = -1;
        for (int s = 0; s <= dStar.length; s++) {
            boolean in = s < dStar.length && Math.abs(dStar[s] - 0.5) <= HALF_BAND;
            if (in && start < 0) start = s;
            if (!in && start >= 0) {
                best = Math.max(best, Math.log10((1 - sparsity[start]) / (1 - sparsity[s - 1])));
                start = -1;
            }
        }
        return best;
    }

    static final String SETUP = "ReLU output model x' = ReLU(W^T W x + b), x_i = 0 with probability S else "
            + "uniform on [0, 1]; loss per model = mean over batch and features of I_i (x_i - x'_i)^2 (the paper "
            + "writes the sum; the scale does not change Adam's path); AdamW at a constant learning rate with "
            + "PyTorch's default weight decay 0.01, a fresh batch each step, W Xavier-normal and b zero at the "
            + "start, as in the paper's toy model framework (paper preset: 10,000 steps, batch 1024, lr 1e-3). "
            + "Quick preset: 1,000 steps, batch 256, lr 1e-2, fewer sparsities, and part (c) at n=100, m=10. "
            + "Several fits per sparsity in (a) and (b), keeping the lowest loss over the last tenth of training, "
            + "as the paper advises for small models. A feature counts as represented when ||W_i|| > 0.5.";

    static final String UNIFORM_NOTE = " Part (c) follows the framework's dimensionality setup (n=200, m=20, "
            + "importance 1, 20 sparsities with 1/(1-S) log-spaced from 1 to 20); the paper's figure uses n=400, "
            + "m=30 and says the counts do not matter while n >> m.";

    @Override
    public List<Claim<SuperpositionResult>> claims() {
        Source opening = PAPER.at("opening section and its first figure (five features, two dimensions): 'With "
                + "dense features, the model learns to represent an orthogonal basis of the most important two "
                + "features'");
        Source basic = PAPER.at("'Demonstrating Superposition', Basic Results (n=20, m=5, I_i=0.7^i, WᵀW "
                + "figure across sparsities)");
        Source pentagon = PAPER.at("'Perturbing a Single Feature': five features in two dimensions form a "
                + "regular pentagon when sparse (uniform case, 1-S=0.05)");
        Source uniform = PAPER.at("'Uniform Superposition': D* = m/||W||_F^2 is 'sticky' at 1 and 1/2");
        Source dimensionality = PAPER.at("'Feature Dimensionality' and 'Why these geometric structures?': lines "
                + "at 3/4 (tetrahedron), 2/3 (triangle), 1/2 (antipodal pair), 2/5 (pentagon), 3/8 (square "
                + "antiprism)");
        List<Claim<SuperpositionResult>> out = new ArrayList<>();
        // (a)
        out.add(Claim.<SuperpositionResult>published("a-dense-two-features", opening,
                        "(a) n=5, m=2, dense features (S=0): exactly the m=2 features are represented (||W_i|| > "
                                + "0.5), the other three are not.",
                        SuperpositionResult::pentagonDenseRepresented, 2, Tolerance.absolute(0.5), SEEDS)
                .withSetupNote(SETUP + " The band admits only the integer 2."));
        out.add(Claim.<SuperpositionResult>published("a-dense-unit-norms", opening,
                        "(a) dense: the two most important features have ||W_i|| = 1 (largest |norm - 1|).",
                        SuperpositionResult::pentagonDenseNormError, 0, Tolerance.atMost(NORM_BAND), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>published("a-dense-orthogonal", opening,
                        "(a) dense: the two represented features are orthogonal (|cos(W_0, W_1)|).",
                        SuperpositionResult::pentagonDenseCosine, 0, Tolerance.atMost(ORTHOGONAL_BAND), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>published("a-sparse-all-five", opening.at("opening figure: as the "
                                + "features become sparse, all five are represented in two dimensions"),
                        "(a) at the sweep's highest sparsity all five features are represented.",
                        SuperpositionResult::pentagonSparseRepresented, 5, Tolerance.absolute(0.5), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>published("a-pentagon-angles", pentagon,
                        "(a) at the highest sparsity the five W_i form a pentagon: consecutive directions 72 "
                                + "degrees apart (largest |gap - 72|, degrees).",
                        SuperpositionResult::pentagonAngleError, 0, Tolerance.atMost(ANGLE_BAND), SEEDS)
                .withSetupNote(SETUP + " Importance falls as 0.9^i here (the paper's regular pentagon is for "
                        + "equal importance), which may deform it a little; 12 degrees is far from any other "
                        + "arrangement of five directions, whose largest gap error is at least 18 degrees."));
        out.add(Claim.<SuperpositionResult>published("a-pentagon-norms", pentagon,
                        "(a) at the highest sparsity the five pentagon vertices have ||W_i|| close to 1 (largest "
                                + "|norm - 1|).",
                        SuperpositionResult::pentagonNormError, 0, Tolerance.atMost(PENTAGON_NORM_BAND), SEEDS)
                .withSetupNote(SETUP + " The paper notes that the pentagon's vertices sit off the unit circle "
                        + "(a negative bias trims interference and the norm compensates), hence the wide band."));
        // (b)
        out.add(Claim.<SuperpositionResult>published("b-dense-five-features", basic,
                        "(b) n=20, m=5, dense: exactly m=5 features are represented, like the linear model's "
                                + "top principal components.",
                        SuperpositionResult::sweepDenseRepresented, 5, Tolerance.absolute(0.5), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>published("b-dense-top-five", basic,
                        "(b) dense: the five most important features have ||W_i|| = 1 (largest |norm - 1|).",
                        SuperpositionResult::sweepDenseNormError, 0, Tolerance.atMost(NORM_BAND), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>published("b-dense-rest-dropped", basic,
                        "(b) dense: the fifteen less important features are not represented (largest ||W_i||).",
                        SuperpositionResult::sweepDenseOthersNorm, 0, Tolerance.atMost(Geometry.REPRESENTED), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>published("b-dense-orthogonal", basic,
                        "(b) dense: the five represented features are orthogonal (largest |cos|).",
                        SuperpositionResult::sweepDenseCosine, 0, Tolerance.atMost(ORTHOGONAL_BAND), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>demonstration("b-superposition", basic,
                        "(b) at the highest sparsity more than m=5 features are represented (count).",
                        SuperpositionResult::sweepSparseRepresented, B_HIDDEN + 1, Tolerance.atLeast(0), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>demonstration("b-more-with-sparsity", basic,
                        "(b) the number of represented features never falls as sparsity rises (number of falls).",
                        SuperpositionResult::sweepRepresentedDrops, 0, Tolerance.atMost(0), SEEDS)
                .withSetupNote(SETUP));
        out.add(Claim.<SuperpositionResult>published("b-antipodal-pairs", basic.at("Basic Results: 'Initially "
                                + "this involves arranging them in antipodal pairs'"),
                        "(b) at the first sparsity above 0, the extra features come as antipodal pairs: the "
                                + "smallest cosine between represented features is -1.",
                        SuperpositionResult::sweepAntipodalCosine, -1, Tolerance.absolute(ANTIPODAL_BAND), SEEDS)
                .withSetupNote(SETUP + " The first sparse level is S=0.7 in both presets."));
        // (c)
        out.add(Claim.<SuperpositionResult>published("c-dense-one-dimension", uniform,
                        "(c) dense: D* = m/||W||_F^2 = 1, one dimension per feature.",
                        SuperpositionResult::uniformDenseDimsPerFeature, 1, Tolerance.absolute(DENSE_DSTAR_BAND),
                        SEEDS)
                .withSetupNote(SETUP + UNIFORM_NOTE));
        out.add(Claim.<SuperpositionResult>demonstration("c-sticky-half", uniform,
                        "(c) D* sticks at 1/2 (antipodal pairs) over a range of sparsities: the longest run of "
                                + "sparsities with |D* - 1/2| <= 0.03 spans at least 0.12 decades of 1/(1-S).",
                        SuperpositionResult::uniformHalfPlateau, HALF_PLATEAU_DECADES, Tolerance.atLeast(0), SEEDS)
                .withSetupNote(SETUP + UNIFORM_NOTE + " Over the sweep D* falls from 1 to below 1/2 at about "
                        + "0.65 per decade on average; at that slope D* would cross the 0.06-wide band in about "
                        + "0.09 decades, so a run of 0.12 decades or more is a plateau, not a crossing."));
        out.add(Claim.<SuperpositionResult>demonstration("c-sticky-fractions", dimensionality,
                        "(c) feature dimensionalities cluster at the polytope fractions: at least half of the "
                                + "represented features of the models with S >= 0.5 have D_i within 0.02 of 1, "
                                + "3/4, 2/3, 1/2, 2/5 or 3/8.",
                        SuperpositionResult::uniformStickyFraction, STICKY_SHARE, Tolerance.atLeast(0), SEEDS)
                .withSetupNote(SETUP + UNIFORM_NOTE + " If D_i were spread uniformly on [0, 1], about 0.2 of "
                        + "features would fall within these bands; the threshold 0.5 asks for clear clustering. "
                        + "Dense models are left out: the paper notes that the feature basis is arbitrary there."));
        out.add(Claim.<SuperpositionResult>demonstration("c-pentagons", dimensionality,
                        "(c) pentagons appear: at least five represented features (one pentagon's worth) of the "
                                + "models with S >= 0.5 have D_i within 0.02 of 2/5.",
                        SuperpositionResult::uniformPentagonFeatures, 5, Tolerance.atLeast(0), SEEDS)
                .withSetupNote(SETUP + UNIFORM_NOTE));
        return List.copyOf(out);
    }

    @Override
    public List<Figure<SuperpositionResult>> figures() {
        return List.of(
                new Figure<>("pentagon-columns", "(a) the five W_i in two dimensions, one panel per sparsity",
                        in -> pentagonFigure(in.result())),
                new Figure<>("sweep-gram", "(b) WᵀW per sparsity (n=20, m=5, I=0.7^i)",
                        in -> gramFigure(in.result())),
                new Figure<>("dimensionality", "(c) feature dimensionality D_i and D* against 1/(1-S)",
                        in -> dimensionalityFigure(in.result())));
    }

    /** Panels side by side: panel s is centred at x = 3s; each W_i is a spoke from the centre. */
    static XYChart pentagonFigure(SuperpositionResult r) {
        XYChart chart = new XYChartBuilder().width(1100).height(360)
                .title("(a) n=5, m=2, I=0.9^i: the columns W_i, one panel per sparsity").xAxisTitle(
                        "panels, left to right: increasing sparsity S").yAxisTitle("W_i, second coordinate")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(-1.6).setYAxisMax(1.6);
        for (int s = 0; s < r.pentagonSparsities().length; s++) {
            double cx = 3.0 * s;
            double[][] w = r.pentagonW()[s];
            double[] x = new double[2 * w.length + 1], y = new double[2 * w.length + 1];
            x[0] = cx;
            for (int i = 0; i < w.length; i++) {
                x[2 * i + 1] = cx + w[i][0];
                y[2 * i + 1] = w[i][1];
                x[2 * i + 2] = cx;
            }
            XYSeries series = chart.addSeries(String.format("S=%s (%d represented)",
                    trim(r.pentagonSparsities()[s]), r.pentagonRepresented()[s]), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** The WᵀW matrices side by side, separated by an empty column, colours from -1 (blue) to 1 (red). */
    static HeatMapChart gramFigure(SuperpositionResult r) {
        int n = r.sweepGram()[0].length;
        int panels = r.sweepGram().length;
        HeatMapChart chart = new HeatMapChartBuilder().width(1200).height(320)
                .title("(b) W^T W per sparsity S = " + joined(r.sweepSparsities())
                        + " (features by importance, most important top-left)")
                .xAxisTitle("panel per sparsity, features j").yAxisTitle("feature i").build();
        chart.getStyler().setRangeColors(new Color[] {new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)});
        chart.getStyler().setMin(-1).setMax(1);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setLegendVisible(false);
        List<Integer> xs = new ArrayList<>();
        for (int k = 0; k < panels * (n + 1); k++) xs.add(k);
        List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) ys.add(n - 1 - i);
        List<Number[]> heat = new ArrayList<>();
        for (int s = 0; s < panels; s++) {
            double[][] g = r.sweepGram()[s];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    heat.add(new Number[] {s * (n + 1) + j, i, Math.max(-1, Math.min(1, g[i][j]))});
            for (int i = 0; i < n; i++) heat.add(new Number[] {s * (n + 1) + n, i, 0.0});
        }
        chart.addSeries("W^T W", xs, ys, heat);
        return chart;
    }

    /** D_i of the represented features (dots) and D* (line) against 1/(1 − S), with the sticky fractions. */
    static XYChart dimensionalityFigure(SuperpositionResult r) {
        XYChart chart = new XYChartBuilder().width(900).height(520)
                .title("(c) uniform superposition: feature dimensionality against 1/(1-S)")
                .xAxisTitle("1/(1-S)").yAxisTitle("dimensionality").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        double[] inv = new double[r.uniformSparsities().length];
        for (int s = 0; s < inv.length; s++) inv[s] = 1 / (1 - r.uniformSparsities()[s]);
        List<Double> px = new ArrayList<>(), py = new ArrayList<>();
        for (int s = 0; s < inv.length; s++)
            for (int i = 0; i < r.uniformDimensionality()[s].length; i++)
                if (r.uniformNorms()[s][i] > Geometry.REPRESENTED) {
                    px.add(inv[s]);
                    py.add(r.uniformDimensionality()[s][i]);
                }
        if (!px.isEmpty()) {
            XYSeries dots = chart.addSeries("D_i (represented features)", px, py);
            dots.setLineStyle(SeriesLines.NONE);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(new Color(0, 0, 0, 60));
        }
        XYSeries line = chart.addSeries("D* = m/||W||_F^2", inv, r.uniformDimsPerFeature());
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.RED);
        String[] names = {"1", "3/4 tetrahedron", "2/3 triangle", "1/2 antipodal pair", "2/5 pentagon",
            "3/8 square antiprism"};
        for (int f = 0; f < Geometry.STICKY_FRACTIONS.length; f++) {
            double v = Geometry.STICKY_FRACTIONS[f];
            XYSeries h = chart.addSeries(names[f], new double[] {inv[0], inv[inv.length - 1]}, new double[] {v, v});
            h.setLineStyle(SeriesLines.DASH_DASH);
            h.setLineColor(Color.GRAY);
            h.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static String trim(double s) {
        String t = Double.toString(s);
        return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
    }

    private static String joined(double[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(trim(s[i]));
        return b.toString();
    }
}
