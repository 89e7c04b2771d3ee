package org.alignlab.app;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.alignlab.core.Numbers;
import org.alignlab.core.Seeds;
import org.alignlab.core.Suggestions;
import org.alignlab.core.UsageException;
import org.alignlab.neural.ActivationCache;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.Checkpoint;
import org.alignlab.neural.Hook;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Losses;
import org.alignlab.neural.Neural;
import org.alignlab.neural.Parameters;
import org.alignlab.neural.Schedule;
import org.alignlab.neural.Shapes;
import org.alignlab.neural.Trainer;
import org.alignlab.neural.TransformerConfig;
import org.alignlab.robust.induction.RepeatedTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code alignlab neural}: the neural substrate at the command line. Build a small transformer (a preset or explicit
 * sizes), list its hook points and parameters, train it on (a + b) mod p (Nanda et al. 2023) or on sequences with a
 * repeated segment (Olsson et al. 2022) with checkpoints and resume, and read any activation of a trained model, with
 * zero-ablation of other activations to see the prediction change.
 */
@Command(name = "neural", mixinStandardHelpOptions = true,
        description = "Small transformers, TransformerLens-style: list hook points, train on modular addition or "
                + "repeated tokens (with checkpoints), read activations and ablate them.",
        subcommands = {NeuralCommand.Hooks.class, NeuralCommand.Train.class, NeuralCommand.Activations.class})
final class NeuralCommand implements Callable<Integer> {
    @ParentCommand
    AlignlabCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.cli.out);
        return Cli.OK;
    }

    /** The two model presets. */
    enum Preset {
        /** {@code TransformerConfig.grokking(p)}: one layer, d_model 128, 4 heads of 32, d_mlp 512, ReLU, n_ctx 3. */
        GROKKING,
        /** Two attention-only layers, d_model 32, 2 heads of 16, vocabulary 64, n_ctx 32 (the induction quick preset). */
        INDUCTION
    }

    /** The training tasks. */
    enum Task { ADDITION, REPEAT }

    /** Largest sizes accepted, so that a typo does not ask for terabytes. */
    static final int MAX_WIDTH = 8192, MAX_LAYERS = 64, MAX_VOCAB = 1_000_000, MAX_CTX = 8192;

    /** The model options every subcommand shares: a preset, then explicit sizes that override it. */
    static final class ModelOptions {
        @Option(names = "--preset", paramLabel = "grokking|induction", description = "Base model: grokking (one "
                + "layer, d_model 128, 4 heads, d_mlp 512, vocabulary p + 1, n_ctx 3) or induction (two attention-only "
                + "layers, d_model 32, 2 heads, vocabulary 64, n_ctx 32). Default: grokking, or the task's model.")
        Preset preset;

        @Option(names = "--p", paramLabel = "P", description = "Modulus of (a + b) mod p; the grokking preset's "
                + "vocabulary is p + 1 (default 23).")
        int p = 23;

        @Option(names = "--layers", paramLabel = "N", description = "Transformer blocks.")
        Integer layers;

        @Option(names = "--d-model", paramLabel = "D", description = "Residual stream width.")
        Integer dModel;

        @Option(names = "--heads", paramLabel = "H", description = "Attention heads per block.")
        Integer heads;

        @Option(names = "--d-head", paramLabel = "K", description = "Width of one head (default: d_model / heads when "
                + "--d-model or --heads is given).")
        Integer dHead;

        @Option(names = "--d-mlp", paramLabel = "M", description = "MLP hidden width (default 4 d_model when the "
                + "preset has none).")
        Integer dMlp;

        @Option(names = "--vocab", paramLabel = "V", description = "Vocabulary size.")
        Integer vocab;

        @Option(names = "--n-ctx", paramLabel = "T", description = "Longest sequence.")
        Integer nCtx;

        @Option(names = "--attn-only", negatable = true, description = "Blocks without MLPs (--no-attn-only adds them).")
        Boolean attnOnly;

        @Option(names = "--layer-norm", negatable = true, description = "Pre-norm LayerNorm in every block and at the end.")
        Boolean layerNorm;

        @Option(names = "--act", paramLabel = "relu|gelu", description = "MLP non-linearity.")
        TransformerConfig.Activation act;

        /** The configuration these options describe, starting from {@code fallback} when no --preset is given. */
        TransformerConfig build(Preset fallback) {
            if (p < 2 || p > MAX_VOCAB - 1) throw new UsageException("--p must be between 2 and " + (MAX_VOCAB - 1)
                    + ", got " + p);
            Preset pr = preset != null ? preset : fallback;
            TransformerConfig base = pr == Preset.GROKKING ? TransformerConfig.grokking(p)
                    : TransformerConfig.attentionOnly(2, 32, 2, 64, 32);
            int l = size("--layers", layers, base.nLayers(), MAX_LAYERS);
            int d = size("--d-model", dModel, base.dModel(), MAX_WIDTH);
            int h = size("--heads", heads, base.nHeads(), MAX_WIDTH);
            int k;
            if (dHead != null) k = size("--d-head", dHead, 0, MAX_WIDTH);
            else if (dModel != null || heads != null) {
                if (d % h != 0) throw new UsageException("--d-model " + d + " is not a multiple of --heads " + h
                        + "; give --d-head as well");
                k = d / h;
            } else k = base.dHead();
            boolean ao = attnOnly != null ? attnOnly : base.attnOnly();
            if (ao && dMlp != null) throw new UsageException("--d-mlp " + dMlp + " is given but the model is "
                    + "attention-only (drop --d-mlp or add --no-attn-only)");
            int m = ao ? 0 : size("--d-mlp", dMlp, base.attnOnly() ? 4 * d : base.dMlp(), 4 * MAX_WIDTH);
            int v = size("--vocab", vocab, base.dVocab(), MAX_VOCAB);
            int t = size("--n-ctx", nCtx, base.nCtx(), MAX_CTX);
            boolean ln = layerNorm != null ? layerNorm : base.layerNorm();
            TransformerConfig.Activation a = act != null ? act : base.act();
            if (ao && act != null) throw new UsageException("--act " + act.name().toLowerCase(java.util.Locale.ROOT)
                    + " is given but the model is attention-only (it has no MLP)");
            return new TransformerConfig(l, d, h, k, m, v, t, a, ln, ao, true);
        }

        private static int size(String option, Integer given, int dflt, int max) {
            if (given == null) return dflt;
            if (given < 1 || given > max)
                throw new UsageException(option + " must be between 1 and " + max + ", got " + given);
            return given;
        }
    }

    static String shape(long[] s) {
        return Shapes.show(new Shape(s));
    }

    /** Fails with a one-line message when {@code file} is not a readable file. */
    static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) throw new UsageException(what + " " + file + " does not exist or is not a file");
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Command(name = "hooks", mixinStandardHelpOptions = true,
            description = {"List every hook point of the model with its activation's shape (from one forward pass on "
                    + "a batch of one sequence of n_ctx zeros), then every parameter with its shape.",
                    "Example: alignlab neural hooks --preset grokking --p 23"})
    static final class Hooks implements Callable<Integer> {
        @ParentCommand
        NeuralCommand parent;

        @Mixin
        ModelOptions model = new ModelOptions();

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        record Row(String name, long[] shape) {}

        record Report(TransformerConfig config, List<Row> hooks, List<Row> parameters, long parameterCount) {}

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            TransformerConfig cfg = model.build(Preset.GROKKING);
            List<Row> hooks = new ArrayList<>(), params = new ArrayList<>();
            long count;
            try (HookedTransformer m = new HookedTransformer(cfg, 0); NDManager data = Neural.newManager()) {
                NDArray zeros = data.create(new int[cfg.nCtx()], new Shape(1, cfg.nCtx()));
                try (ActivationCache cache = m.runWithCache(zeros)) {
                    for (String h : m.hookNames()) hooks.add(new Row(h, cache.shape(h)));
                }
                Parameters ps = m.parameters();
                for (String n : ps.names()) params.add(new Row(n, ps.shape(n)));
                count = ps.count();
            }
            if (json) {
                Json.print(cli.out, new Report(cfg, hooks, params, count));
                return Cli.OK;
            }
            cli.out.println(describe(cfg) + "; activations for a batch of 1 x " + cfg.nCtx() + " tokens");
            Table t = new Table("HOOK", "SHAPE");
            for (Row r : hooks) t.row(r.name(), shape(r.shape()));
            t.print(cli.out);
            cli.out.println();
            Table pt = new Table("PARAMETER", "SHAPE");
            for (Row r : params) pt.row(r.name(), shape(r.shape()));
            pt.print(cli.out);
            cli.out.println(hooks.size() + " hooks, " + params.size() + " parameters, " + count + " weights");
            return Cli.OK;
        }
    }

    static String describe(TransformerConfig c) {
        return c.nLayers() + " layer(s), d_model " + c.dModel() + ", " + c.nHeads() + " head(s) of " + c.dHead()
                + (c.attnOnly() ? ", attention-only" : ", d_mlp " + c.dMlp() + " " + c.act().name().toLowerCase(
                java.util.Locale.ROOT)) + (c.layerNorm() ? ", LayerNorm" : "") + ", vocabulary " + c.dVocab()
                + ", n_ctx " + c.nCtx();
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train a small transformer and save a checkpoint.",
                    "addition: (a + b) mod p from the tokens 'a b =' ('=' is token p), full batch on a share of the "
                            + "p^2 pairs (the rest is the test set), loss on the last position, AdamW with betas (0.9,"
                            + " 0.98) and 10 warm-up steps (Nanda et al. 2023). Model: the grokking preset.",
                    "repeat: fresh batches of random tokens with one repeated segment, next-token loss on every "
                            + "position, Adam (Olsson et al. 2022). Model: the induction preset.",
                    "--steps counts the steps of this invocation: with --resume, N then M steps give the same "
                            + "weights as N + M in one go (same options and --seed). A loss that becomes NaN or "
                            + "infinite stops the run with exit code 2 and leaves the checkpoint file untouched.",
                    "Example: alignlab neural train --task addition --steps 300 --checkpoint add.ckpt"})
    static final class Train implements Callable<Integer> {
        @ParentCommand
        NeuralCommand parent;

        @Mixin
        ModelOptions model = new ModelOptions();

        @Option(names = "--task", paramLabel = "addition|repeat", description = "What to learn (default addition).")
        Task task = Task.ADDITION;

        @Option(names = "--steps", paramLabel = "N", description = "Training steps in this invocation (default 200).")
        int steps = 200;

        @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: 1e-3 for addition, 1e-2 for "
                + "repeat).")
        Double lr;

        @Option(names = "--weight-decay", paramLabel = "W", description = "Decoupled (AdamW) weight decay (default: 1"
                + " for addition, 0 for repeat).")
        Double weightDecay;

        @Option(names = "--train-fraction", paramLabel = "F", description = "addition: share of the pairs trained on "
                + "(default 0.3).")
        double trainFraction = 0.3;

        @Option(names = "--batch", paramLabel = "B", description = "repeat: sequences per step (default 32).")
        int batch = 32;

        @Option(names = "--seed", paramLabel = "S", description = "Seed of the initial weights, the train/test split "
                + "and the batches (default 0).")
        long seed;

        @Option(names = "--log-every", paramLabel = "K", description = "Print the loss every K steps (default: a "
                + "tenth of --steps).")
        Integer logEvery;

        @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save the model and optimizer state here "
                + "at the end.")
        Path checkpoint;

        @Option(names = "--resume", description = "Continue from --checkpoint FILE instead of fresh weights.")
        boolean resume;

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            if (steps < 1 || steps > 10_000_000)
                throw new UsageException("--steps must be between 1 and 10000000, got " + steps);
            if (logEvery != null && logEvery < 1) throw new UsageException("--log-every must be at least 1, got "
                    + logEvery);
            if (resume && checkpoint == null) throw new UsageException("--resume needs --checkpoint FILE");
            if (resume) requireFile(checkpoint, "checkpoint");
            TransformerConfig cfg = model.build(task == Task.ADDITION ? Preset.GROKKING : Preset.INDUCTION);
            Data data = task == Task.ADDITION ? Addition.of(cfg, model.p, trainFraction, seed)
                    : Repeat.of(cfg, batch, seed);
            double rate = lr != null ? lr : task == Task.ADDITION ? 1e-3 : 1e-2;
            double decay = weightDecay != null ? weightDecay : task == Task.ADDITION ? 1.0 : 0;
            // Nanda et al. 2023 (App. A): AdamW, betas (0.9, 0.98), 10 warm-up steps; repeat: Adam as in the induction
            // experiment, with decoupled decay if asked for.
            AdamConfig adam = task == Task.ADDITION
                    ? new AdamConfig(rate, 0.9, 0.98, 1e-8, decay, true, Schedule.linearWarmup(10))
                    : new AdamConfig(rate, 0.9, 0.999, 1e-8, decay, true, Schedule.constant());
            long every = logEvery != null ? logEvery : Math.max(1, steps / 10);
            try (HookedTransformer m = new HookedTransformer(cfg, Seeds.derive(seed, "neural.cli.init"));
                 NDManager arrays = Neural.newManager()) {
                Trainer trainer = new Trainer(m, adam);
                if (resume) Checkpoint.restore(checkpoint, trainer);
                long start = trainer.stepsDone(), end = start + steps;
                cli.out.println("task " + task.name().toLowerCase(java.util.Locale.ROOT) + ", " + describe(cfg) + ", "
                        + data.summary() + ", lr " + Numbers.fmt(rate) + ", weight decay " + Numbers.fmt(decay)
                        + ", seed " + seed + (resume ? ", resumed at step " + start : ""));
                trainer.onStep((s, loss) -> {
                    if (s == start + 1 || s % every == 0 || s == end)
                        cli.out.println("step " + s + "  loss " + Numbers.fmt(loss));
                });
                Trainer.LossFunction f = data.loss(m, arrays);
                while (trainer.stepsDone() < end) {
                    if (cli.cancel.isCancelled())
                        throw new UsageException("interrupted at step " + trainer.stepsDone()
                                + "; the checkpoint was not written");
                    trainer.step(f);
                }
                for (String line : data.evaluate(m, arrays)) cli.out.println(line);
                if (checkpoint != null) {
                    Checkpoint.save(checkpoint, trainer);
                    cli.out.println("checkpoint: " + checkpoint + " (step " + trainer.stepsDone() + ")");
                }
            }
            return Cli.OK;
        }
    }

    /** A training task: its loss for one step and its final report. */
    interface Data {
        String summary();

        Trainer.LossFunction loss(HookedTransformer m, NDManager arrays);

        List<String> evaluate(HookedTransformer m, NDManager arrays);
    }

    /**
     * (a + b) mod p from the tokens {@code a b =} with {@code =} = token p (Nanda et al. 2023, Sect. 3): the p^2 pairs
     * shuffled by the seed, the first share trained on full batch, the rest held out.
     */
    record Addition(int p, int[] trainTokens, int[] trainLabels, int[] testTokens, int[] testLabels) implements Data {
        static Addition of(TransformerConfig cfg, int p, double trainFraction, long seed) {
            if (cfg.dVocab() < p + 1) throw new UsageException("--task addition with p = " + p + " needs a vocabulary "
                    + "of at least " + (p + 1) + " (tokens 0.." + (p - 1) + " and '=' = " + p + "), the model has "
                    + cfg.dVocab());
            if (cfg.nCtx() < 3) throw new UsageException("--task addition needs n_ctx >= 3 (tokens 'a b ='), the model"
                    + " has " + cfg.nCtx());
            if (!(trainFraction > 0 && trainFraction < 1))
                throw new UsageException("--train-fraction must be strictly between 0 and 1, got " + trainFraction);
            int all = p * p, nTrain = (int) Math.round(trainFraction * all);
            if (nTrain < 1 || nTrain >= all) throw new UsageException("--train-fraction " + trainFraction
                    + " leaves no training or no test pairs for p = " + p);
            int[] order = new int[all];
            for (int i = 0; i < all; i++) order[i] = i;
            SplittableRandom rng = Seeds.stream(seed, "neural.cli.addition.split");
            for (int i = all - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int[] trT = new int[3 * nTrain], trL = new int[nTrain], teT = new int[3 * (all - nTrain)];
            int[] teL = new int[all - nTrain];
            for (int i = 0; i < all; i++) {
                int a = order[i] / p, b = order[i] % p;
                boolean train = i < nTrain;
                int row = train ? i : i - nTrain;
                int[] tok = train ? trT : teT;
                tok[3 * row] = a;
                tok[3 * row + 1] = b;
                tok[3 * row + 2] = p;
                (train ? trL : teL)[row] = (a + b) % p;
            }
            return new Addition(p, trT, trL, teT, teL);
        }

        @Override
        public String summary() {
            return "p = " + p + ", " + trainLabels.length + " training pairs (full batch), " + testLabels.length
                    + " test pairs";
        }

        @Override
        public Trainer.LossFunction loss(HookedTransformer m, NDManager arrays) {
            NDArray x = arrays.create(trainTokens, new Shape(trainLabels.length, 3));
            NDArray y = arrays.create(trainLabels);
            // Sect. 3: only the prediction at '=' is trained.
            return (scope, s) -> Losses.crossEntropy(m.forwardLastPosition(x), y);
        }

        @Override
        public List<String> evaluate(HookedTransformer m, NDManager arrays) {
            return List.of("train accuracy " + GameCommand.percent(accuracy(m, arrays, trainTokens, trainLabels))
                    + ", test accuracy " + GameCommand.percent(accuracy(m, arrays, testTokens, testLabels)));
        }

        private static double accuracy(HookedTransformer m, NDManager arrays, int[] tokens, int[] labels) {
            try (NDManager tmp = arrays.newSubManager()) {
                NDArray logits = m.runLastPosition(tmp.create(tokens, new Shape(labels.length, 3)));
                return Losses.accuracy(logits, tmp.create(labels));
            }
        }
    }

    /**
     * Random tokens with one repeated segment ({@link RepeatedTokens}); the batch of step s is drawn from a stream named
     * by the seed and s, so a resumed run sees the same batches as an uninterrupted one.
     */
    record Repeat(TransformerConfig cfg, int batch, int minSegment, int maxSegment, long seed) implements Data {
        static final int EVAL_BATCH = 64;

        static Repeat of(TransformerConfig cfg, int batch, long seed) {
            if (batch < 1 || batch > 4096) throw new UsageException("--batch must be between 1 and 4096, got " + batch);
            int max = Math.min(16, cfg.nCtx() / 2), min = Math.min(6, max);
            if (max < 2) throw new UsageException("--task repeat needs n_ctx >= 4 (two copies of a segment of at least"
                    + " 2 tokens), the model has " + cfg.nCtx());
            if (cfg.dVocab() < 2) throw new UsageException("--task repeat needs a vocabulary of at least 2 tokens");
            return new Repeat(cfg, batch, min, max, seed);
        }

        @Override
        public String summary() {
            return batch + " fresh sequences of " + cfg.nCtx() + " tokens per step, segments of " + minSegment + "-"
                    + maxSegment;
        }

        private RepeatedTokens draw(String stream, int n) {
            return RepeatedTokens.sample(Seeds.stream(seed, stream), n, cfg.nCtx(), cfg.dVocab(), minSegment,
                    maxSegment);
        }

        @Override
        public Trainer.LossFunction loss(HookedTransformer m, NDManager arrays) {
            int t = cfg.nCtx();
            return (scope, s) -> {
                RepeatedTokens b = draw("neural.cli.repeat.step." + s, batch);
                NDArray x = scope.create(b.tokens(), new Shape(batch, t));
                NDArray logits = m.forward(x, true);
                return Losses.crossEntropy(logits.get(new NDIndex(":, 0:{}, :", t - 1)), x.get(new NDIndex(":, 1:")));
            };
        }

        @Override
        public List<String> evaluate(HookedTransformer m, NDManager arrays) {
            RepeatedTokens b = draw("neural.cli.repeat.eval", EVAL_BATCH);
            int t = cfg.nCtx(), v = cfg.dVocab();
            float[] logits;
            try (NDManager tmp = arrays.newSubManager()) {
                logits = m.run(tmp.create(b.tokens(), new Shape(EVAL_BATCH, t))).toFloatArray();
            }
            int hits = 0, total = 0, copyHits = 0, copies = 0;
            for (int q = 0; q < EVAL_BATCH; q++)
                for (int i = 0; i + 1 < t; i++) {
                    int best = 0, row = (q * t + i) * v;
                    for (int c = 1; c < v; c++) if (logits[row + c] > logits[row + best]) best = c;
                    boolean hit = best == b.tokens()[q * t + i + 1];
                    hits += hit ? 1 : 0;
                    total++;
                    // Predicting token i + 1 inside the second copy, after its first token: an induction head can.
                    int second = b.prefix()[q] + b.segment()[q];
                    if (i + 1 > second && i + 1 < second + b.segment()[q]) {
                        copyHits += hit ? 1 : 0;
                        copies++;
                    }
                }
            return List.of("next-token accuracy on " + EVAL_BATCH + " held-out sequences " + GameCommand.percent(
                    (double) hits / total) + "; inside the repeated copy " + GameCommand.percent(
                    (double) copyHits / copies) + " (chance " + GameCommand.percent(1.0 / v) + ")");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Command(name = "activations", mixinStandardHelpOptions = true,
            description = {"Load a checkpoint into the model the options describe, run one token sequence, print an "
                    + "activation (shape and values) and the top-5 next-token predictions at the last position.",
                    "--zero HOOK (repeatable) sets that activation to zero first (zero-ablation), so you can see how "
                            + "the prediction changes.",
                    "Example: alignlab neural activations --checkpoint add.ckpt --tokens \"3 5 23\" "
                            + "--hook blocks.0.attn.hook_pattern"})
    static final class Activations implements Callable<Integer> {
        @ParentCommand
        NeuralCommand parent;

        @Mixin
        ModelOptions model = new ModelOptions();

        @Option(names = "--checkpoint", paramLabel = "FILE", required = true, description = "A checkpoint written by "
                + "alignlab neural train (with the same model options).")
        Path checkpoint;

        @Option(names = "--tokens", paramLabel = "\"T1 T2 ...\"", required = true, description = "Token ids, separated "
                + "by spaces or commas.")
        String tokens;

        @Option(names = "--hook", paramLabel = "NAME", description = "The activation to print (see alignlab neural "
                + "hooks); default: none, only the predictions.")
        String hook;

        @Option(names = "--zero", paramLabel = "HOOK", description = "Zero this activation (repeatable).")
        List<String> zero = new ArrayList<>();

        @Option(names = "--rows", paramLabel = "N", description = "Rows of the activation shown (default 12; --json "
                + "gives all values).")
        int rows = 12;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        /** Values shown per row (along the last axis). */
        static final int COLUMNS = 8;

        record Prediction(int token, double logit, double probability) {}

        record Report(int[] tokens, List<String> zeroed, String hook, long[] shape, float[] values,
                      List<Prediction> top) {}

        @Override
        public Integer call() {
            Cli cli = parent.root.cli;
            if (rows < 1) throw new UsageException("--rows must be at least 1, got " + rows);
            int[] ids = parseTokens(tokens);
            TransformerConfig cfg = model.build(Preset.GROKKING);
            requireFile(checkpoint, "checkpoint");
            Report report;
            try (HookedTransformer m = new HookedTransformer(cfg, 0); NDManager arrays = Neural.newManager()) {
                List<String> names = m.hookNames();
                if (hook != null) requireHook(hook, names);
                for (String z : zero) requireHook(z, names);
                Checkpoint.restore(checkpoint, new Trainer(m, AdamConfig.adam(1e-3)));
                Map<String, Hook> hooks = new LinkedHashMap<>();
                for (String z : zero) hooks.put(z, (act, name) -> act.zerosLike());
                NDArray x = arrays.create(ids, new Shape(1, ids.length));
                try (ActivationCache cache = m.runWithHooksAndCache(x, hooks)) {
                    float[] logits = cache.logits().toFloatArray();
                    int v = cfg.dVocab();
                    float[] last = Arrays.copyOfRange(logits, logits.length - v, logits.length);
                    report = new Report(ids, List.copyOf(hooks.keySet()), hook,
                            hook == null ? null : cache.shape(hook), hook == null ? null : cache.floats(hook),
                            top(last, 5));
                }
            }
            if (json) {
                Json.print(cli.out, report);
                return Cli.OK;
            }
            cli.out.println("tokens " + Arrays.toString(ids) + (zero.isEmpty() ? ""
                    : ", zeroed: " + String.join(", ", report.zeroed())));
            if (hook != null) {
                cli.out.println(hook + " " + shape(report.shape()));
                for (String line : rowsOf(report.values(), report.shape(), rows)) cli.out.println(line);
            }
            cli.out.println("top-5 next-token predictions at position " + (ids.length - 1) + ":");
            Table t = new Table("RANK", "TOKEN", "LOGIT", "PROBABILITY");
            int rank = 1;
            for (Prediction pr : report.top())
                t.row(rank++, pr.token(), Numbers.fmt(pr.logit()), GameCommand.percent(pr.probability()));
            t.print(cli.out);
            return Cli.OK;
        }

        static void requireHook(String name, List<String> known) {
            if (known.contains(name)) return;
            List<String> close = Suggestions.closest(name, known);
            throw new UsageException("unknown hook '" + name + "'" + (close.isEmpty() ? ""
                    : "; did you mean " + String.join(", ", close) + "?") + " (see alignlab neural hooks)");
        }

        static int[] parseTokens(String s) {
            String[] parts = s.strip().split("[\\s,]+");
            if (s.isBlank()) throw new UsageException("--tokens is empty; give token ids such as \"3 5 23\"");
            int[] ids = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    ids[i] = Integer.parseInt(parts[i]);
                } catch (NumberFormatException ex) {
                    throw new UsageException("--tokens: '" + parts[i] + "' is not a token id (an integer)");
                }
            }
            return ids;
        }

        /** The {@code k} largest logits with their softmax probabilities, ties to the smaller token id. */
        static List<Prediction> top(float[] logits, int k) {
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits) max = Math.max(max, l);
            double z = 0;
            for (float l : logits) z += Math.exp(l - max);
            Integer[] idx = new Integer[logits.length];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            Arrays.sort(idx, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : a - b);
            List<Prediction> out = new ArrayList<>();
            for (int i = 0; i < Math.min(k, idx.length); i++)
                out.add(new Prediction(idx[i], logits[idx[i]], Math.exp(logits[idx[i]] - max) / z));
            return out;
        }

        /** Rows along the last axis, each labelled by its index, at most {@code maxRows} rows of {@link #COLUMNS}. */
        static List<String> rowsOf(float[] values, long[] shape, int maxRows) {
            int width = shape.length == 0 ? 1 : (int) shape[shape.length - 1];
            int n = values.length / Math.max(1, width);
            List<String> out = new ArrayList<>();
            for (int r = 0; r < Math.min(n, maxRows); r++) {
                StringBuilder sb = new StringBuilder("[");
                long rest = r;
                long[] index = new long[Math.max(0, shape.length - 1)];
                for (int a = index.length - 1; a >= 0; a--) {
                    index[a] = rest % shape[a];
                    rest /= shape[a];
                }
                for (int a = 0; a < index.length; a++) sb.append(index[a]).append(", ");
                sb.append(":]");
                for (int c = 0; c < Math.min(width, COLUMNS); c++)
                    sb.append(' ').append(Numbers.fmt(values[r * width + c]));
                if (width > COLUMNS) sb.append(" … (").append(width - COLUMNS).append(" more)");
                out.add(sb.toString());
            }
            if (n > maxRows) out.add("… (" + (n - maxRows) + " more rows; --rows N or --json for all)");
            return out;
        }
    }
}
