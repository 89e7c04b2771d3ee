package org.alignlab.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.HookedTransformer;
import org.alignlab.neural.Losses;
import org.alignlab.neural.Neural;
import org.alignlab.neural.Schedule;
import org.alignlab.neural.Trainer;
import org.alignlab.neural.TransformerConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the neural substrate against the machine's own matmul peak (issue 5): (i) a float32 n x n @ n x n
 * matmul through DJL's PyTorch engine, for the peak GFLOP/s; (ii) one full-batch AdamW training step of Nanda et al.
 * 2023's grokking model ({@link TransformerConfig#grokking}(113), 30% of the 12,769 pairs = 3,831 rows, lr 1e-3,
 * betas (0.9, 0.98), weight decay 1.0), the loss on the last position as in the grokking study. Both on the same
 * intra-op thread count. {@code run-neural.sh} turns the times into GFLOP/s with {@link #main}'s FLOP counts and runs
 * the same step in plain PyTorch ({@code peers/torch_step.py}) for the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dai.djl.offline=true", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class NeuralStepBenchmark {
    static final int P = 113;

    /** Intra-op threads of the engine (the substrate's default is 1). */
    @Param("1")
    int threads;

    /** n of the n x n matmul. */
    @Param("1024")
    int matmul;

    private NDManager data;
    private NDArray a, b;
    private HookedTransformer model;
    private Trainer trainer;
    private Trainer.LossFunction loss;

    @Setup(Level.Trial)
    public void setUp() {
        Neural.setThreads(threads);
        data = Neural.newManager();
        SplittableRandom r = new SplittableRandom(1);
        float[] va = new float[matmul * matmul], vb = new float[matmul * matmul];
        for (int i = 0; i < va.length; i++) {
            va[i] = (float) r.nextGaussian();
            vb[i] = (float) r.nextGaussian();
        }
        a = data.create(va, new Shape(matmul, matmul));
        b = data.create(vb, new Shape(matmul, matmul));

        int n = rows();
        int[] order = Trainer.batchOrder(0, 0, P * P);
        int[] tok = new int[n * 3], y = new int[n];
        for (int i = 0; i < n; i++) {
            int x1 = order[i] / P, x2 = order[i] % P;
            tok[3 * i] = x1;
            tok[3 * i + 1] = x2;
            tok[3 * i + 2] = P;
            y[i] = (x1 + x2) % P;
        }
        NDArray x = data.create(tok, new Shape(n, 3)), t = data.create(y);
        model = new HookedTransformer(TransformerConfig.grokking(P), 0);
        trainer = new Trainer(model, new AdamConfig(1e-3, 0.9, 0.98, 1e-8, 1.0, true, Schedule.linearWarmup(10)));
        loss = (scope, step) -> Losses.crossEntropy(model.forward(x, true).get(":, -1, :"), t);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
        data.close();
    }

    @Benchmark
    public float matmul() {
        try (NDArray c = a.matMul(b)) {
            return c.getFloat(0, 0);
        }
    }

    @Benchmark
    public double grokkingStep() {
        return trainer.step(loss);
    }

    static int rows() {
        return (int) Math.round(0.3 * P * P);
    }

    /** 2 m n k for an (m x k) @ (k x n) product. */
    static double mm(double m, double k, double n) {
        return 2 * m * k * n;
    }

    /**
     * Matmul FLOPs of one forward pass of the grokking model on the full batch: per token the Q, K and V projections
     * (d_model to n_heads d_head each), the attention scores and pattern-times-values (3 keys per query), W_O, the
     * MLP in and out, and the unembedding at every position (the model computes all three; the loss reads the last).
     */
    public static double grokkingForwardFlops() {
        TransformerConfig c = TransformerConfig.grokking(P);
        double tokens = (double) rows() * c.nCtx(), hk = (double) c.nHeads() * c.dHead();
        double qkv = 3 * mm(tokens, c.dModel(), hk);
        double attention = 2 * mm((double) rows() * c.nHeads() * c.nCtx(), c.dHead(), c.nCtx());
        double out = mm(tokens, hk, c.dModel());
        double mlp = mm(tokens, c.dModel(), c.dMlp()) + mm(tokens, c.dMlp(), c.dModel());
        double unembed = mm(tokens, c.dModel(), c.dVocab());
        return qkv + attention + out + mlp + unembed;
    }

    /**
     * One training step: forward plus backward, where each forward matmul has two backward matmuls of the same size
     * (the gradient with respect to its input and to its weight; the embeddings are trained, so even the first
     * layer's input gradient is needed): 3 x forward. Element-wise work and Adam are not counted.
     */
    public static double grokkingStepFlops() {
        return 3 * grokkingForwardFlops();
    }

    /** Prints the FLOP counts for run-neural.sh: {@code step_flops=... matmul_flops=...}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        System.out.printf("step_flops=%.0f forward_flops=%.0f matmul_flops=%.0f rows=%d%n", grokkingStepFlops(),
                grokkingForwardFlops(), mm(n, n, n), rows());
    }
}
