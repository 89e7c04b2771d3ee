package org.alignlab.robust.superposition;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.alignlab.core.RunContext;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.Neural;
import org.alignlab.neural.Trainer;

/**
 * Trains one ReLU output model per sparsity, each {@code restarts} times from different initialisations, all in one
 * batched {@link ToyModel}, and keeps for each sparsity the restart with the lowest loss. Elhage et al. 2022 note
 * that the m = 2 models are hard to optimise and that clean results needed several fits per model, keeping the one
 * with the lowest loss ("Perturbing a Single Feature", note for reimplementations).
 *
 * <p>Training follows the paper's toy model framework: a fresh batch each step, loss per model = mean over batch and
 * features of I_i (x_i − x'_i)², summed over the models (so each model gets its own gradient), AdamW with a
 * constant learning rate.
 */
public final class SparsitySweep {

    /** What to train. */
    public record Spec(int features, int hidden, double[] importance, double[] sparsities, int restarts, int steps,
                       int batch, AdamConfig optimizer) {
        public Spec {
            if (importance.length != features)
                throw new IllegalArgumentException(importance.length + " importances for " + features + " features");
            for (double s : sparsities)
                if (!(s >= 0 && s < 1)) throw new IllegalArgumentException("sparsity must be in [0, 1), got " + s);
            if (restarts < 1 || steps < 1 || batch < 1)
                throw new IllegalArgumentException("restarts, steps and batch must be at least 1");
        }
    }

    /**
     * The kept model at each sparsity: W rows (n × m), b, and its loss (mean over the last tenth of training);
     * {@code restartLosses[s][r]} are all restarts' losses.
     */
    public record Trained(double[][][] w, double[][] b, double[] loss, double[][] restartLosses) {}

    private SparsitySweep() {}

    /**
     * Trains the sweep. Initial weights come from {@code init}, batches from {@code data}; metrics are logged as
     * {@code name + "/loss"} (sum over all models) every 100 steps.
     */
    public static Trained train(Spec spec, SplittableRandom init, SplittableRandom data, RunContext ctx,
                                String name) {
        int nS = spec.sparsities().length;
        int k = nS * spec.restarts();
        int n = spec.features();
        double[] perInstance = new double[k];
        for (int i = 0; i < k; i++) perInstance[i] = spec.sparsities()[i / spec.restarts()];
        float[] imp = new float[n];
        for (int i = 0; i < n; i++) imp[i] = (float) spec.importance()[i];
        float[] buffer = new float[k * spec.batch() * n];
        Shape shape = new Shape(k, spec.batch(), n);
        long tailFrom = spec.steps() - Math.max(1, spec.steps() / 10) + 1;
        double[] tail = new double[k];
        try (ToyModel model = new ToyModel(k, n, spec.hidden(), init); NDManager keep = Neural.newManager()) {
            NDArray importance = keep.create(imp, new Shape(1, 1, n));
            Trainer trainer = new Trainer(model, spec.optimizer()).logTo(ctx, name + "/loss", 100);
            trainer.fit(spec.steps(), (scope, step) -> {
                SparseFeatures.fill(buffer, perInstance, spec.batch(), n, data);
                NDArray x = scope.create(buffer, shape);
                NDArray err = x.sub(model.forward(x, true)).square().mul(importance);
                NDArray perModel = err.reshape(k, -1).mean(new int[] {1});  // (k)
                if (step >= tailFrom) {
                    float[] l = perModel.stopGradient().toFloatArray();
                    for (int i = 0; i < k; i++) tail[i] += l[i];
                }
                return perModel.sum();
            }, ctx, name);
            long tailSteps = spec.steps() - tailFrom + 1;
            double[][][] w = new double[nS][][];
            double[][] b = new double[nS][];
            double[] loss = new double[nS];
            double[][] restartLosses = new double[nS][spec.restarts()];
            for (int s = 0; s < nS; s++) {
                int best = -1;
                for (int r = 0; r < spec.restarts(); r++) {
                    int i = s * spec.restarts() + r;
                    restartLosses[s][r] = tail[i] / tailSteps;
                    if (best < 0 || restartLosses[s][r] < restartLosses[s][best - s * spec.restarts()]) best = i;
                }
                w[s] = model.weights(best);
                b[s] = model.bias(best);
                loss[s] = restartLosses[s][best - s * spec.restarts()];
                ctx.log(name + "/final-loss", s, loss[s]);
            }
            return new Trained(w, b, loss, restartLosses);
        }
    }
}
