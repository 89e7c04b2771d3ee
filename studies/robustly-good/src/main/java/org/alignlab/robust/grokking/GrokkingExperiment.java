package org.alignlab.robust.grokking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
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
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Losses;
import org.alignlab.neural.Neural;
import org.alignlab.neural.Parameters;
import org.alignlab.neural.Schedule;
import org.alignlab.neural.Trainer;
import org.alignlab.neural.TransformerConfig;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Grokking of (a + b) mod p by a one-layer transformer and the progress measures that explain it (Nanda, Chan,
 * Lieberum, Smith, Steinhardt 2023). The model is trained full-batch with AdamW and strong weight decay; snapshots of
 * its weights are taken every {@code measureEvery} steps, and after training each snapshot is evaluated on all p^2
 * pairs: training and test loss and accuracy, and the restricted and excluded losses ({@link ProgressMeasures}) for
 * the key frequencies that the final embedding uses ({@link FourierBasis}).
 */
public final class GrokkingExperiment implements Experiment<GrokkingConfig, GrokkingResult> {

    public static final String ID = "robustly-good.interpretability.grokking";

    static final Source PAPER = Source.of("Nanda, Chan, Lieberum, Smith, Steinhardt", 2023,
            "Progress measures for grokking via mechanistic interpretability");

    static final int SEEDS = 3;
    /** Accuracy that counts as "memorised" (training) or "generalised" (test). */
    static final double NEAR_PERFECT = 0.99;
    /** Circuit formation ends when test loss has fallen below this fraction of its value at memorisation. */
    static final double CIRCUIT_DROP = 0.5;
    /** The paper's betas and epsilon (torch.optim.AdamW's default). */
    static final double BETA1 = 0.9, BETA2 = 0.98, EPS = 1e-8;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Grokking modular addition and its Fourier circuit", "robustly-good.interpretability",
                List.of(PAPER.at("Sect. 3 (setup), 4 (the Fourier multiplication algorithm), 5 (progress measures)")),
                "A one-layer transformer learns (a + b) mod p from 30% of the pairs. Training accuracy reaches 100% "
                        + "early by memorising; test accuracy follows only much later (grokking). Nanda et al. "
                        + "reverse-engineer the final network: numbers are embedded as sines and cosines of a few key "
                        + "frequencies, and the logits are sums of cos(w_k (a + b - c)). Progress measures built on "
                        + "this circuit, the restricted loss (only the key frequencies' directions kept in the "
                        + "logits) and the excluded loss (those directions removed), show the circuit forming "
                        + "smoothly long before test loss falls. Here the model is trained from scratch, the key "
                        + "frequencies are read off the final embedding's Fourier spectrum, and the measures are "
                        + "computed over training from weight snapshots.");
    }

    @Override
    public Class<GrokkingConfig> configType() {
        return GrokkingConfig.class;
    }

    @Override
    public Class<GrokkingResult> resultType() {
        return GrokkingResult.class;
    }

    @Override
    public GrokkingConfig config(Scale scale) {
        return scale == Scale.PAPER ? GrokkingConfig.paper() : GrokkingConfig.quick();
    }

    @Override
    public void validate(GrokkingConfig c) {
        if (!isPrime(c.p())) throw new UsageException("p must be a prime (the paper uses 113), got " + c.p());
        int train = trainPairs(c);
        if (train < 1 || train >= c.p() * c.p())
            throw new UsageException("trainFraction=" + c.trainFraction() + " leaves no training or no test pairs "
                    + "for p=" + c.p());
        if (c.measureEvery() > c.steps())
            throw new UsageException("measureEvery=" + c.measureEvery() + " is larger than steps=" + c.steps());
    }

    static boolean isPrime(int n) {
        if (n < 2) return false;
        for (int d = 2; (long) d * d <= n; d++) if (n % d == 0) return false;
        return true;
    }

    static int trainPairs(GrokkingConfig c) {
        return (int) Math.round(c.trainFraction() * c.p() * c.p());
    }

    /** The pairs (a, b) in index order a * p + b, shuffled by the run's "split" stream; the first n train. */
    static int[] split(int p, SplittableRandom rng) {
        int[] idx = new int[p * p];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        for (int i = idx.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    @Override
    public GrokkingResult run(GrokkingConfig c, RunContext ctx) {
        validate(c);
        int p = c.p(), all = p * p, vocab = p + 1;
        int[] order = split(p, ctx.random("split"));
        int nTrain = trainPairs(c);
        int[] trainRows = Arrays.copyOfRange(order, 0, nTrain);
        int[] testRows = Arrays.copyOfRange(order, nTrain, all);
        int[] tokens = new int[all * 3];
        int[] labels = new int[all];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++) {
                int r = a * p + b;
                tokens[3 * r] = a;
                tokens[3 * r + 1] = b;
                tokens[3 * r + 2] = p; // the "=" token
                labels[r] = (a + b) % p;
            }
        int[] trainTokens = new int[nTrain * 3];
        int[] trainLabels = new int[nTrain];
        for (int i = 0; i < nTrain; i++) {
            System.arraycopy(tokens, 3 * trainRows[i], trainTokens, 3 * i, 3);
            trainLabels[i] = labels[trainRows[i]];
        }
        FourierBasis basis = FourierBasis.of(p);
        List<Long> snapSteps = new ArrayList<>();
        List<float[][]> snaps = new ArrayList<>();
        try (HookedTransformer model = new HookedTransformer(TransformerConfig.grokking(p), ctx.seed("init"));
             NDManager data = Neural.newManager()) {
            Parameters params = model.parameters();
            List<String> names = params.names();
            NDArray x = data.create(trainTokens, new Shape(nTrain, 3));
            NDArray y = data.create(trainLabels);
            AdamConfig adamW = new AdamConfig(c.lr(), BETA1, BETA2, EPS, c.weightDecay(), true,
                    Schedule.linearWarmup(c.warmup()));
            Trainer trainer = new Trainer(model, adamW).logTo(ctx, "train_loss", c.measureEvery());
            snapSteps.add(0L);
            snaps.add(snapshot(params, names));
            trainer.onStep((s, loss) -> {
                if (s % c.measureEvery() == 0 || s == c.steps()) {
                    snapSteps.add(s);
                    snaps.add(snapshot(params, names));
                }
            });
            // Only the last position's logits are trained on (Sect. 3), so only they are computed.
            trainer.fit(c.steps(), (scope, s) -> Losses.crossEntropy(model.forwardLastPosition(x), y), ctx, "train");

            NDArray allTokens = data.create(tokens, new Shape(all, 3));
            float[] wE = params.floats("embed.W_E");
            int d = (int) params.shape("embed.W_E")[1];
            double[] spectrum = basis.frequencyNorms(wE, d);
            int[] keys = keyFrequencies(spectrum);
            int n = snaps.size();
            double[] steps = new double[n], trainLoss = new double[n], testLoss = new double[n];
            double[] trainAcc = new double[n], testAcc = new double[n], restricted = new double[n];
            double[] excluded = new double[n], share = new double[n], fullLoss = new double[n];
            int[] allRows = new int[all];
            for (int i = 0; i < all; i++) allRows[i] = i;
            try (var evaluation = ctx.progress("progress measures", n)) {
                for (int i = 0; i < n; i++) {
                    ctx.checkCancelled();
                    restore(params, names, snaps.get(i));
                    double[] logits = logits(model, allTokens);
                    steps[i] = snapSteps.get(i);
                    trainLoss[i] = ProgressMeasures.crossEntropy(logits, vocab, trainRows, labels);
                    testLoss[i] = ProgressMeasures.crossEntropy(logits, vocab, testRows, labels);
                    trainAcc[i] = ProgressMeasures.accuracy(logits, vocab, trainRows, labels);
                    testAcc[i] = ProgressMeasures.accuracy(logits, vocab, testRows, labels);
                    fullLoss[i] = ProgressMeasures.crossEntropy(logits, vocab, allRows, labels);
                    restricted[i] = ProgressMeasures.crossEntropy(
                            ProgressMeasures.restricted(logits, vocab, basis, keys), vocab, allRows, labels);
                    excluded[i] = ProgressMeasures.crossEntropy(
                            ProgressMeasures.excluded(logits, vocab, basis, keys), vocab, trainRows, labels);
                    share[i] = share(basis.frequencyNorms(snaps.get(i)[names.indexOf("embed.W_E")], d), keys);
                    long s = snapSteps.get(i);
                    ctx.log("test_loss", s, testLoss[i]);
                    ctx.log("train_accuracy", s, trainAcc[i]);
                    ctx.log("test_accuracy", s, testAcc[i]);
                    ctx.log("restricted_loss", s, restricted[i]);
                    ctx.log("excluded_loss", s, excluded[i]);
                    ctx.log("key_embedding_share", s, share[i]);
                    evaluation.advance(1);
                }
            }
            int last = n - 1;
            int mem = firstAtLeast(trainAcc, NEAR_PERFECT, 0);
            int gen = firstAtLeast(testAcc, NEAR_PERFECT, 0);
            int circ = -1;
            if (mem >= 0) {
                for (int i = mem + 1; i < n && circ < 0; i++)
                    if (testLoss[i] < CIRCUIT_DROP * testLoss[mem]) circ = i;
            }
            double delay = mem > 0 && gen >= 0 ? (steps[gen] - steps[mem]) / steps[mem] : 0;
            double exMem = mem >= 0 ? excluded[mem] : Double.NaN;
            double exCirc = circ >= 0 ? excluded[circ] : Double.NaN;
            double rise = mem >= 0 && circ >= 0 ? exCirc / exMem : 0;
            return new GrokkingResult(p, nTrain, all - nTrain, mem >= 0 ? (long) steps[mem] : -1,
                    circ >= 0 ? (long) steps[circ] : -1, gen >= 0 ? (long) steps[gen] : -1, delay, trainAcc[last],
                    testAcc[last], trainLoss[last], testLoss[last], spectrum, keys, keys.length,
                    share(spectrum, keys), fullLoss[last], restricted[last], restricted[last] / fullLoss[last], exMem,
                    exCirc, rise, steps, trainLoss, testLoss, trainAcc, testAcc, restricted, excluded, share);
        }
    }

    private static float[][] snapshot(Parameters params, List<String> names) {
        float[][] s = new float[names.size()][];
        for (int i = 0; i < s.length; i++) s[i] = params.floats(names.get(i));
        return s;
    }

    private static void restore(Parameters params, List<String> names, float[][] s) {
        for (int i = 0; i < s.length; i++) params.set(names.get(i), s[i]);
    }

    /** Last-position logits over all pairs, row-major (p^2, p + 1), widened to double. */
    private static double[] logits(HookedTransformer model, NDArray tokens) {
        try (NDManager tmp = tokens.getManager().newSubManager()) {
            NDArray out = model.scope(tmp, s -> model.forwardLastPosition(tokens));
            float[] f = out.toFloatArray();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) d[i] = f[i];
            return d;
        }
    }

    private static int firstAtLeast(double[] xs, double threshold, int from) {
        for (int i = from; i < xs.length; i++) if (xs[i] >= threshold) return i;
        return -1;
    }

    /**
     * The key frequencies of an embedding spectrum (entry k = norm of frequency k; entry 0, the constant, is not a
     * candidate): sorted by norm, the leading group before the largest ratio between consecutive norms. The paper
     * reads its five key frequencies off the same spectrum by eye (Fig. 3); this makes the reading mechanical.
     */
    static int[] keyFrequencies(double[] spectrum) {
        int kMax = spectrum.length - 1;
        Integer[] byNorm = new Integer[kMax];
        for (int k = 1; k <= kMax; k++) byNorm[k - 1] = k;
        Arrays.sort(byNorm, (u, v) -> {
            int cmp = Double.compare(spectrum[v], spectrum[u]);
            return cmp != 0 ? cmp : Integer.compare(u, v);
        });
        int best = 1;
        double bestRatio = -1;
        for (int m = 1; m < kMax; m++) {
            double ratio = spectrum[byNorm[m - 1]] / Math.max(spectrum[byNorm[m]], Double.MIN_NORMAL);
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = m;
            }
        }
        int[] keys = new int[best];
        for (int i = 0; i < best; i++) keys[i] = byNorm[i];
        Arrays.sort(keys);
        return keys;
    }

    /** Share of the squared norm in the key frequencies (the constant included in the total). */
    static double share(double[] spectrum, int[] keys) {
        double total = 0, key = 0;
        for (double s : spectrum) total += s * s;
        for (int k : keys) key += spectrum[k] * spectrum[k];
        return key / total;
    }

    static final String SETUP_NOTE = "Model, optimiser and loss as in the paper (one layer, d_model 128, 4 heads "
            + "of 32, d_mlp 512, ReLU, no LayerNorm; full-batch AdamW, betas (0.9, 0.98), 10 warm-up steps; loss on "
            + "the last position only). Paper preset: p = 113, 30% of pairs, lr 1e-3, weight decay 1, 40,000 epochs. "
            + "Quick preset: p = 23, 60% of pairs, lr 2e-3, weight decay 3, 600 steps, so that a run takes seconds "
            + "on a CPU instead of hours; it covers memorisation and circuit formation but not clean-up. Metrics are "
            + "taken at weight snapshots (paper: every 200 steps, quick: every 20), so step counts are rounded up "
            + "to the next snapshot.";

    static final String KEY_NOTE = " Key frequencies are read off the final embedding's Fourier spectrum (norm of "
            + "the number tokens' rows of W_E per frequency) mechanically: sorted by norm, the leading group before "
            + "the largest ratio between consecutive norms; the paper reads them off the same spectrum by eye.";

    static final String MEASURE_NOTE = " Restricted loss: all pairs, logits projected onto the mean plus the "
            + "cos/sin(w_k (a + b)) directions of the final key frequencies; excluded loss: training pairs, those "
            + "directions removed from the logits (the paper's code projects the MLP activations instead, which is the "
            + "same map on the MLP path). Circuit formation is taken to end at the first snapshot after memorisation "
            + "whose test loss is below half its value at memorisation (the paper places the phase boundaries by eye "
            + "on the same curves).";

    @Override
    public List<Claim<GrokkingResult>> claims() {
        return List.of(
                Claim.<GrokkingResult>published("generalizes",
                                PAPER.at("Sect. 3 and Fig. 2: test accuracy reaches 100% (p = 113, 30% of pairs)"),
                        "After training, the model is (nearly) perfect on the held-out pairs: final test accuracy "
                                + "of about 100%.",
                        GrokkingResult::finalTestAccuracy, 1.0, Tolerance.atLeast(1 - NEAR_PERFECT), SEEDS)
                        .withSetupNote(SETUP_NOTE),
                Claim.<GrokkingResult>demonstration("grokking-delay",
                                PAPER.at("Sect. 5.2 and Fig. 7: memorisation ends near epoch 1.4k, circuit formation "
                                        + "near 9.4k, clean-up near 13.3k"),
                        "Grokking: the steps from training accuracy >= 99% to test accuracy >= 99% are at least twice "
                                + "the steps it took to reach training accuracy >= 99% (0 when either never "
                                + "happens). The paper's phase boundaries give about (13.3k - 1.4k) / 1.4k = 8.5.",
                        GrokkingResult::grokkingDelay, 2.0, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP_NOTE),
                Claim.<GrokkingResult>published("key-frequency-count",
                                PAPER.at("Sect. 4.1 and Fig. 3: W_E is sparse in the Fourier basis, five key "
                                        + "frequencies (14, 35, 41, 42, 52) in the main run"),
                        "The embedding uses a handful of key frequencies: five in the paper's run; other seeds pick "
                                + "other frequencies, so only their number is compared (within 5 +- 2).",
                        GrokkingResult::keyFrequencyCount, 5, Tolerance.absolute(2), SEEDS)
                        .withSetupNote(SETUP_NOTE + KEY_NOTE),
                Claim.<GrokkingResult>demonstration("key-frequencies-explain-embedding",
                                PAPER.at("Sect. 4.1 and Fig. 3: W_E is sparse in the Fourier basis"),
                        "The key frequencies carry most of the embedding: at least 90% of |W_E|_F^2 (number tokens) "
                                + "lies in their cos and sin components. The threshold is ours; the paper shows the "
                                + "spectrum without a number.",
                        GrokkingResult::keyEmbeddingShare, 0.9, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP_NOTE + KEY_NOTE),
                Claim.<GrokkingResult>demonstration("restricted-below-full",
                                PAPER.at("Sect. 5.1: ablating every non-key frequency improves performance "
                                        + "(restricted loss below the full loss)"),
                        "At the end of training, keeping only the key frequencies' directions in the logits lowers the "
                                + "loss: restricted loss / full loss (all pairs) <= 1.",
                        GrokkingResult::restrictedToFullRatio, 1.0, Tolerance.atMost(0), SEEDS)
                        .withSetupNote(SETUP_NOTE + KEY_NOTE + MEASURE_NOTE),
                Claim.<GrokkingResult>demonstration("excluded-loss-rises",
                                PAPER.at("Sect. 5.2 and Fig. 7: excluded loss rises during circuit formation, while "
                                        + "training loss stays low and before test loss falls"),
                        "During circuit formation the training performance comes to rest on the key frequencies: the "
                                + "excluded loss at the end of circuit formation is at least twice its value at the "
                                + "end of memorisation (0 when either step never comes).",
                        GrokkingResult::excludedRise, 2.0, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP_NOTE + KEY_NOTE + MEASURE_NOTE));
    }

    @Override
    public List<Figure<GrokkingResult>> figures() {
        return List.of(
                new Figure<>("loss-curves", "Training and test loss with the three phases",
                        in -> lossFigure(in.result())),
                new Figure<>("embedding-spectrum", "Fourier spectrum of the embedding W_E",
                        in -> spectrumFigure(in.result())),
                new Figure<>("progress-measures", "Restricted, excluded and test loss over training",
                        in -> progressFigure(in.result())));
    }

    static XYChart lossFigure(GrokkingResult r) {
        XYChart chart = logChart("(a + b) mod " + r.p() + ": training and test loss", "cross-entropy");
        chart.addSeries("training loss", r.measuredSteps(), floor(r.trainLoss())).setMarker(SeriesMarkers.NONE);
        chart.addSeries("test loss", r.measuredSteps(), floor(r.testLoss())).setMarker(SeriesMarkers.NONE);
        phases(chart, r);
        return chart;
    }

    static XYChart progressFigure(GrokkingResult r) {
        XYChart chart = logChart("(a + b) mod " + r.p() + ": progress measures, key frequencies "
                + Arrays.toString(r.keyFrequencies()), "cross-entropy");
        chart.addSeries("restricted loss (all pairs)", r.measuredSteps(), floor(r.restrictedLoss()))
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("excluded loss (training pairs)", r.measuredSteps(), floor(r.excludedLoss()))
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("test loss", r.measuredSteps(), floor(r.testLoss())).setMarker(SeriesMarkers.NONE);
        chart.addSeries("training loss", r.measuredSteps(), floor(r.trainLoss())).setMarker(SeriesMarkers.NONE);
        phases(chart, r);
        return chart;
    }

    static CategoryChart spectrumFigure(GrokkingResult r) {
        CategoryChart chart = new CategoryChartBuilder().width(760).height(440)
                .title("Norm of W_E per Fourier frequency (key: " + Arrays.toString(r.keyFrequencies()) + ")")
                .xAxisTitle("frequency k (0 = constant)").yAxisTitle("norm").build();
        chart.getStyler().setLegendVisible(false);
        List<Integer> ks = new ArrayList<>();
        List<Double> norms = new ArrayList<>();
        for (int k = 0; k < r.embeddingSpectrum().length; k++) {
            ks.add(k);
            norms.add(r.embeddingSpectrum()[k]);
        }
        chart.addSeries("norm", ks, norms);
        return chart;
    }

    private static XYChart logChart(String title, String y) {
        XYChart chart = new XYChartBuilder().width(760).height(440).title(title).xAxisTitle("step (epoch)")
                .yAxisTitle(y).build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return chart;
    }

    /** Log axes need positive values: losses that round to 0 in double are drawn at 1e-12. */
    private static double[] floor(double[] xs) {
        double[] out = xs.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], 1e-12);
        return out;
    }

    /** Dashed vertical lines at the ends of memorisation, circuit formation and clean-up. */
    private static void phases(XYChart chart, GrokkingResult r) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (var s : chart.getSeriesMap().values()) {
            for (double v : s.getYData()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        mark(chart, "memorised (train acc >= 99%)", r.memorizedStep(), lo, hi, Color.GRAY);
        mark(chart, "circuit formed (test loss halved)", r.circuitFormedStep(), lo, hi, Color.ORANGE);
        mark(chart, "clean-up done (test acc >= 99%)", r.generalizedStep(), lo, hi, Color.GREEN.darker());
    }

    private static void mark(XYChart chart, String name, long step, double lo, double hi, Color color) {
        if (step < 0) return;
        XYSeries s = chart.addSeries(name, new double[] {step, step}, new double[] {lo, hi});
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
    }
}
