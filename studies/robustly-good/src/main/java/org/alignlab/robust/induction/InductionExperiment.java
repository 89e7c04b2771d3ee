package org.alignlab.robust.induction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
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
import org.alignlab.neural.ActivationCache;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.Hook;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Losses;
import org.alignlab.neural.Neural;
import org.alignlab.neural.Trainer;
import org.alignlab.neural.TransformerConfig;

/**
 * Induction heads (Elhage et al. 2021; Olsson et al. 2022) in small attention-only transformers trained on random
 * tokens with one repeated segment. A two-layer model forms a head in layer 1 that attends from a token of the
 * second copy to the token after its earlier occurrence, and its loss on the second copy falls far below the first
 * copy's; the head and the drop in loss appear together, as a phase change. A one-layer model trained on the same
 * batches forms no such head. Zeroing the induction head's output brings the second-copy loss back up; zeroing the
 * other head of layer 1 does not.
 */
public final class InductionExperiment implements Experiment<InductionConfig, InductionResult> {

    public static final String ID = "robustly-good.interpretability.induction-heads";

    static final Source OLSSON = Source.of("Olsson et al.", 2022, "In-context Learning and Induction Heads");
    static final Source ELHAGE = Source.of("Elhage et al.", 2021, "A Mathematical Framework for Transformer Circuits");

    static final int SEEDS = 3;

    @Override
    public ExperimentInfo info() {
        return new ExperimentInfo(ID, "Induction heads and the in-context learning phase change",
                "robustly-good.interpretability",
                List.of(ELHAGE.at("two-layer attention-only transformers: induction heads by K-composition"),
                        OLSSON.at("Argument 1 (phase change), Argument 3 (ablations); prefix-matching score")),
                "An induction head finds the earlier occurrence of the current token and predicts the token that "
                        + "followed it: [A][B] ... [A] -> [B]. It needs two attention layers (a previous-token head "
                        + "whose output the induction head's keys read), so a one-layer attention-only model cannot "
                        + "form one. Here a two-layer and a one-layer attention-only transformer are trained on the "
                        + "same random-token sequences, each with one segment repeated at a random place and of "
                        + "random length. Measured: each head's prefix-matching score (attention from a token of the "
                        + "second copy to the token after its earlier occurrence), the loss on the second copy "
                        + "against the first, the step at which the score jumps against the step at which the loss "
                        + "drops, and the effect of zeroing the induction head's output.");
    }

    @Override
    public Class<InductionConfig> configType() {
        return InductionConfig.class;
    }

    @Override
    public Class<InductionResult> resultType() {
        return InductionResult.class;
    }

    @Override
    public InductionConfig config(Scale scale) {
        return scale == Scale.PAPER ? InductionConfig.paper() : InductionConfig.quick();
    }

    @Override
    public void validate(InductionConfig c) {
        if (c.minSegment() > c.maxSegment())
            throw new UsageException("minSegment (" + c.minSegment() + ") must not exceed maxSegment ("
                    + c.maxSegment() + ")");
        if (2 * c.maxSegment() > c.nCtx())
            throw new UsageException("two copies of the longest segment (2 x maxSegment = " + 2 * c.maxSegment()
                    + ") must fit in nCtx = " + c.nCtx());
        if (c.dModel() % c.nHeads() != 0)
            throw new UsageException("dModel (" + c.dModel() + ") must be a multiple of nHeads (" + c.nHeads() + ")");
        if (c.nHeads() < 2)
            throw new UsageException("nHeads must be at least 2: the ablation control is a head outside the induction circuit");
    }

    @Override
    public InductionResult run(InductionConfig c, RunContext ctx) {
        validate(c);
        int heads = c.nHeads();
        SplittableRandom evalRng = ctx.random("eval");
        RepeatedTokens eval = RepeatedTokens.sample(evalRng, c.evalBatch(), c.nCtx(), c.vocab(), c.minSegment(),
                c.maxSegment());
        int probeSegment = c.maxSegment();
        int probePrefix = (c.nCtx() - 2 * probeSegment) / 2;
        RepeatedTokens probe = RepeatedTokens.fixed(ctx.random("probe"), c.evalBatch(), c.nCtx(), c.vocab(),
                probePrefix, probeSegment);

        try (HookedTransformer two = new HookedTransformer(
                TransformerConfig.attentionOnly(2, c.dModel(), heads, c.vocab(), c.nCtx()), ctx.seed("init/two-layer"));
             HookedTransformer one = new HookedTransformer(
                     TransformerConfig.attentionOnly(1, c.dModel(), heads, c.vocab(), c.nCtx()),
                     ctx.seed("init/one-layer"))) {
            Curves twoCurves = train(two, "two-layer", c, eval, ctx);
            Curves oneCurves = train(one, "one-layer", c, eval, ctx);

            Measurement m2 = measure(two, eval, Map.of());
            double[] prefix = new double[2 * heads];
            double[] previous = new double[2 * heads];
            for (int layer = 0; layer < 2; layer++) {
                double[] s = InductionScores.prefixMatching(m2.patterns()[layer], heads, eval);
                double[] p = InductionScores.previousToken(m2.patterns()[layer], heads, eval);
                System.arraycopy(s, 0, prefix, layer * heads, heads);
                System.arraycopy(p, 0, previous, layer * heads, heads);
            }
            // The induction heads: layer-1 heads whose score reaches the threshold (at least the best one). The
            // previous-token head: the layer-0 head that attends most to the previous token (the other half of the
            // circuit, Elhage et al. 2021). The control: of the remaining heads, the one with the lowest score.
            int induction = heads;
            for (int i = heads + 1; i < 2 * heads; i++) if (prefix[i] > prefix[induction]) induction = i;
            List<Integer> inductionHeads = new java.util.ArrayList<>();
            for (int i = heads; i < 2 * heads; i++)
                if (i == induction || prefix[i] >= INDUCTION_THRESHOLD) inductionHeads.add(i);
            int previousHead = 0;
            for (int i = 1; i < heads; i++) if (previous[i] > previous[previousHead]) previousHead = i;
            int control = -1;
            for (int i = 0; i < 2 * heads; i++)
                if (!inductionHeads.contains(i) && i != previousHead && (control < 0 || prefix[i] < prefix[control]))
                    control = i;
            double first = InductionScores.copyLoss(m2.tokenLoss(), eval, 0);
            double second = InductionScores.copyLoss(m2.tokenLoss(), eval, 1);

            Measurement m1 = measure(one, eval, Map.of());
            double[] oneScores = InductionScores.prefixMatching(m1.patterns()[0], heads, eval);
            double oneMax = max(oneScores);
            double oneFirst = InductionScores.copyLoss(m1.tokenLoss(), eval, 0);
            double oneSecond = InductionScores.copyLoss(m1.tokenLoss(), eval, 1);

            double[] ablatedSecond = new double[2 * heads];
            double[] removed = new double[2 * heads];
            for (int i = 0; i < 2 * heads; i++) {
                ctx.checkCancelled();
                Measurement a = measure(two, eval, ablate(List.of(i), heads));
                ablatedSecond[i] = InductionScores.copyLoss(a.tokenLoss(), eval, 1);
                removed[i] = (ablatedSecond[i] - second) / (first - second);
            }
            double inductionAblated = InductionScores.copyLoss(measure(two, eval, ablate(inductionHeads, heads))
                    .tokenLoss(), eval, 1);
            double controlAblated = control < 0 ? Double.NaN : ablatedSecond[control];
            double controlRemoved = control < 0 ? Double.NaN : removed[control];
            long lossDrop = InductionScores.halfwayStep(twoCurves.steps(), twoCurves.loss(), Math.log(c.vocab()));
            double[] inductionCurve = twoCurves.scores()[induction];
            long scoreJump = InductionScores.halfwayStep(twoCurves.steps(), inductionCurve, inductionCurve[0]);
            double gap = Math.abs(lossDrop - scoreJump) / (double) c.steps();
            ctx.log("phase/loss-drop-step", 0, lossDrop);
            ctx.log("phase/score-jump-step", 0, scoreJump);

            Measurement p2 = measure(two, probe, Map.of());
            double[] probeLoss = InductionScores.lossByPosition(p2.tokenLoss(), probe.batch(), c.nCtx());
            double[] probeAblated = InductionScores.lossByPosition(measure(two, probe, ablate(inductionHeads, heads))
                    .tokenLoss(), probe.batch(), c.nCtx());
            double[] probeControl = control < 0 ? new double[c.nCtx() - 1]
                    : InductionScores.lossByPosition(measure(two, probe, ablate(List.of(control), heads)).tokenLoss(),
                            probe.batch(), c.nCtx());
            double[] probeOne = InductionScores.lossByPosition(measure(one, probe, Map.of()).tokenLoss(),
                    probe.batch(), c.nCtx());
            double[][] pattern = new double[c.nCtx()][c.nCtx()];
            float[] pat = p2.patterns()[1];
            int n = c.nCtx(), h = induction - heads;
            for (int q = 0; q < n; q++)
                for (int k = 0; k < n; k++) pattern[q][k] = pat[((h * n) + q) * n + k]; // sequence 0

            int[] inductionList = inductionHeads.stream().mapToInt(i -> i - heads).toArray();
            return new InductionResult(Math.log(c.vocab()), induction - heads, inductionList, previousHead, control,
                    prefix, previous, prefix[induction], oneScores, oneMax, first, second, second - first, oneFirst,
                    oneSecond, oneSecond - oneFirst, inductionAblated, controlAblated,
                    (inductionAblated - second) / (first - second), controlRemoved, removed[previousHead], removed,
                    lossDrop, scoreJump, gap, twoCurves.steps(), twoCurves.loss(), oneCurves.loss(),
                    twoCurves.scores(), oneCurves.scores(), twoCurves.icl(), oneCurves.icl(), probePrefix,
                    probeSegment, probeLoss, probeAblated, probeControl, probeOne, pattern);
        }
    }

    /** Zeroes the outputs (hook_z) of the heads {@code indices} (layer-major), together. */
    private static Map<String, Hook> ablate(List<Integer> indices, int heads) {
        Map<String, Hook> hooks = new java.util.TreeMap<>();
        for (int i : indices) {
            Hook zero = Hook.zeroAblateHead(i % heads);
            hooks.merge("blocks." + i / heads + ".attn.hook_z", zero,
                    (a, b) -> (act, name) -> b.apply(a.apply(act, name), name));
        }
        return hooks;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    /** Held-out measurements over training. */
    record Curves(double[] steps, double[] loss, double[][] scores, double[] icl) {}

    /**
     * Trains {@code model} on fresh batches from the stream "train" (so both models see the same batches), measuring
     * on {@code eval} at step 0 and every {@code evalEvery} steps.
     */
    private static Curves train(HookedTransformer model, String name, InductionConfig c, RepeatedTokens eval,
                                RunContext ctx) {
        int layers = model.config().nLayers(), heads = c.nHeads();
        int points = c.steps() / c.evalEvery() + 1 + (c.steps() % c.evalEvery() == 0 ? 0 : 1);
        double[] steps = new double[points];
        double[] loss = new double[points];
        double[][] scores = new double[layers * heads][points];
        double[] icl = new double[points];
        int[] at = {0};
        Runnable record = () -> {
            Measurement m = measure(model, eval, Map.of());
            int i = at[0]++;
            long step = i == 0 ? 0 : Math.min((long) i * c.evalEvery(), c.steps());
            steps[i] = step;
            loss[i] = m.loss();
            icl[i] = InductionScores.copyLoss(m.tokenLoss(), eval, 1) - InductionScores.copyLoss(m.tokenLoss(), eval, 0);
            ctx.log(name + "/eval-loss", step, loss[i]);
            ctx.log(name + "/icl-score", step, icl[i]);
            for (int layer = 0; layer < layers; layer++) {
                double[] s = InductionScores.prefixMatching(m.patterns()[layer], heads, eval);
                for (int h = 0; h < heads; h++) {
                    scores[layer * heads + h][i] = s[h];
                    ctx.log(name + "/prefix-score/L" + layer + "H" + h, step, s[h]);
                }
            }
        };
        record.run();
        SplittableRandom data = ctx.random("train");
        Trainer trainer = new Trainer(model, AdamConfig.adam(c.lr())).logTo(ctx, name + "/train-loss", c.evalEvery());
        trainer.onStep((s, l) -> {
            if (s % c.evalEvery() == 0 || s == c.steps()) record.run();
        });
        trainer.fit(c.steps(), (scope, s) -> {
            RepeatedTokens b = RepeatedTokens.sample(data, c.batch(), c.nCtx(), c.vocab(), c.minSegment(),
                    c.maxSegment());
            NDArray x = scope.create(b.tokens(), new Shape(b.batch(), b.nCtx()));
            NDArray logits = model.forward(x, true);
            return Losses.crossEntropy(logits.get(new NDIndex(":, 0:{}, :", c.nCtx() - 1)),
                    x.get(new NDIndex(":, 1:")));
        }, ctx, "train " + name);
        return new Curves(steps, loss, scores, icl);
    }

    /** One held-out forward pass: mean loss, per-token losses (batch, nCtx - 1) and each layer's attention pattern. */
    record Measurement(double loss, float[] tokenLoss, float[][] patterns) {}

    static Measurement measure(HookedTransformer model, RepeatedTokens d, Map<String, Hook> hooks) {
        int layers = model.config().nLayers();
        try (NDManager m = Neural.newManager()) {
            NDArray x = m.create(d.tokens(), new Shape(d.batch(), d.nCtx()));
            try (ActivationCache cache = model.runWithHooksAndCache(x, hooks)) {
                float[][] patterns = new float[layers][];
                for (int layer = 0; layer < layers; layer++)
                    patterns[layer] = cache.floats("blocks." + layer + ".attn.hook_pattern");
                NDArray logits = cache.logits().get(new NDIndex(":, 0:{}, :", d.nCtx() - 1));
                NDArray targets = x.get(new NDIndex(":, 1:")).toType(DataType.INT64, false);
                float[] tokenLoss = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1).neg()
                        .toFloatArray();
                double sum = 0;
                for (float v : tokenLoss) sum += v;
                return new Measurement(sum / tokenLoss.length, tokenLoss, patterns);
            }
        }
    }

    static final String SETUP = "Attention-only transformers without LayerNorm or MLPs, trained with Adam on fresh "
            + "batches of uniform random tokens in which one segment (random length and place) is repeated once; "
            + "quick: vocabulary 64, n_ctx 32, segments 6-16, d_model 32, 2 heads per layer, 3,000 steps of 32 "
            + "sequences, Adam lr 0.005; paper: vocabulary 100, n_ctx 64, segments 8-32, d_model 64, 4 heads per "
            + "layer, 6,000 steps. Olsson et al. train on natural text and measure "
            + "in-context learning as the loss at token 500 minus token 50; here the text is synthetic, so the "
            + "in-context gain is measured directly as the loss on the second copy minus the first.";

    // With uniform attention a query in the second copy (30 earlier positions at most) would give each key about
    // 1/20; a head that puts 30% of its attention on the one position induction predicts is doing prefix matching.
    static final double INDUCTION_THRESHOLD = 0.3;

    @Override
    public List<Claim<InductionResult>> claims() {
        return List.of(
                Claim.<InductionResult>demonstration("induction-head-forms",
                                OLSSON.at("'Induction heads' (prefix matching on repeated random tokens); "
                                        + ELHAGE.cite() + ", two-layer attention-only models"),
                        "A head in layer 1 of the two-layer model attends from each token of the second copy to "
                                + "the token after its earlier occurrence: its prefix-matching score is at least 0.3.",
                        InductionResult::inductionScore, INDUCTION_THRESHOLD, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<InductionResult>demonstration("no-induction-head-one-layer",
                                ELHAGE.at("one-layer attention-only models: bigram and skip-trigram statistics, "
                                        + "no induction heads"),
                        "The one-layer model, trained on the same batches, has no such head: its best "
                                + "prefix-matching score stays below 0.3.",
                        InductionResult::oneLayerMaxScore, INDUCTION_THRESHOLD, Tolerance.atMost(0), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<InductionResult>demonstration("in-context-learning",
                                OLSSON.at("Argument 1: in-context learning score"),
                        "The two-layer model's loss on the second copy of the segment is far below its loss on "
                                + "the first copy: second minus first at most -1 nat per token.",
                        InductionResult::iclScore, -1.0, Tolerance.atMost(0), SEEDS)
                        .withSetupNote(SETUP),
                Claim.<InductionResult>demonstration("one-layer-less-in-context-learning",
                                OLSSON.at("Argument 1: one-layer attention-only models show no phase change"),
                        "Without an induction head the one-layer model predicts the second copy worse: its "
                                + "second-copy loss exceeds the two-layer model's by at least 1 nat per token.",
                        r -> r.oneLayerSecondCopyLoss() - r.secondCopyLoss(), 1.0, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " A one-layer model can still learn that tokens already seen are "
                                + "more likely in the second copy, so its in-context gain is small but not zero."),
                Claim.<InductionResult>demonstration("phase-change-coincides",
                                OLSSON.at("Argument 1: induction heads form during the phase change, visible as "
                                        + "a bump in the training loss"),
                        "The step at which the induction head's prefix-matching score is halfway to its final "
                                + "value and the step at which the held-out loss is halfway from ln(vocab) to its "
                                + "final value are within 10% of training of each other.",
                        InductionResult::phaseGap, 0.1, Tolerance.atMost(0), SEEDS)
                        .withSetupNote(SETUP + " Measured on a fixed held-out batch every evalEvery steps."),
                Claim.<InductionResult>demonstration("ablation-removes-in-context-learning",
                                OLSSON.at("Argument 3: ablating induction heads in small attention-only models "
                                        + "removes most in-context learning"),
                        "Zeroing the induction heads' outputs (the layer-1 heads with prefix-matching score at "
                                + "least 0.3, together) takes away at least half of the in-context gain: "
                                + "(ablated - second) / (first - second) >= 0.5 on the second copy.",
                        InductionResult::ablationRemoved, 0.5, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " Zero ablation of hook_z, at test time. Training often forms "
                                + "more than one induction head; ablated one at a time they back each other up."),
                Claim.<InductionResult>demonstration("previous-token-head-needed",
                                ELHAGE.at("induction heads by K-composition with a previous-token head in layer 0"),
                        "Zeroing the layer-0 head that attends most to the previous token also takes away at "
                                + "least half of the in-context gain: the induction heads' keys read its output.",
                        InductionResult::previousTokenRemoved, 0.5, Tolerance.atLeast(0), SEEDS)
                        .withSetupNote(SETUP + " Zero ablation of hook_z, at test time."),
                Claim.<InductionResult>demonstration("control-ablation-keeps-in-context-learning",
                                OLSSON.at("Argument 3: ablating other heads has a much smaller effect"),
                        "Zeroing a head outside the circuit (of the heads that are neither induction heads nor "
                                + "the previous-token head, the one with the lowest prefix-matching score) takes "
                                + "away less than a quarter of the in-context gain.",
                        InductionResult::controlRemoved, 0.25, Tolerance.atMost(0), SEEDS)
                        .withSetupNote(SETUP + " Zero ablation of hook_z, at test time."));
    }

    @Override
    public List<Figure<InductionResult>> figures() {
        return InductionFigures.all();
    }
}
