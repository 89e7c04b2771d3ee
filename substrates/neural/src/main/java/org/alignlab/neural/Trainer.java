package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.Progress;
import org.alignlab.core.RunContext;
import org.alignlab.core.Seeds;

/**
 * The training loop: one {@link #step} = forward and loss (your {@link LossFunction}), backward, optimizer update,
 * gradients zeroed. Every step runs in its own {@link NDManager} that is closed at the end, so native memory
 * does not grow with the number of steps.
 *
 * <p>Full batch: keep the data arrays in your own manager and pass them to the model in the loss function.
 * Minibatch: draw indices with {@link #batchOrder} (a function of seed and epoch, so that a resumed run sees the same
 * batches) and create the batch arrays in the step manager.
 */
public final class Trainer {
    /** Computes the scalar loss of step {@code step} (from 1); create per-step arrays in {@code scope}. */
    @FunctionalInterface
    public interface LossFunction {
        NDArray loss(NDManager scope, long step);
    }

    /** Called after each step with the step number and the loss. */
    @FunctionalInterface
    public interface StepListener {
        void onStep(long step, double loss);
    }

    /** Called between backward and update, while the gradients are readable ({@link Parameters#gradient}). */
    @FunctionalInterface
    public interface GradientListener {
        void onGradients(long step, Parameters params);
    }

    private final Model model;
    private final Adam optimizer;
    private final List<StepListener> listeners = new ArrayList<>();
    private GradientListener gradientListener;
    private long step;
    private double lastLoss = Double.NaN;
    private long lastFiniteStep;

    public Trainer(Model model, AdamConfig cfg) {
        this.model = model;
        this.optimizer = new Adam(model.parameters(), cfg);
    }

    public Model model() {
        return model;
    }

    public Adam optimizer() {
        return optimizer;
    }

    /** Steps taken so far (restored by {@link Checkpoint#restore}). */
    public long stepsDone() {
        return step;
    }

    void setStepsDone(long s) {
        step = s;
    }

    /** The loss of the last step. */
    public double lastLoss() {
        return lastLoss;
    }

    public Trainer onStep(StepListener l) {
        listeners.add(l);
        return this;
    }

    public Trainer onGradients(GradientListener l) {
        gradientListener = l;
        return this;
    }

    /**
     * Logs the loss as {@code name} to the run every {@code every} steps (and at step 1), and stops when the run is
     * cancelled.
     */
    public Trainer logTo(RunContext ctx, String name, long every) {
        return onStep((s, loss) -> {
            if (s == 1 || s % every == 0) ctx.log(name, s, loss);
            ctx.checkCancelled();
        });
    }

    /**
     * One training step.
     *
     * @return the loss before the update
     * @throws TrainingDiverged when the loss is NaN or infinite (no update is applied)
     */
    public double step(LossFunction f) {
        long s = step + 1;
        Parameters params = model.parameters();
        double loss;
        // Autograd is driven directly rather than through DJL's GradientCollector, which allows one collector per
        // process (a static flag) and so would serialise the seeds a ClaimChecker trains on parallel threads. PyTorch
        // keeps grad mode per thread and its backward pass is thread-safe; each trainer owns its parameters, so
        // trainers on different threads never touch the same gradients.
        try (NDManager scope = params.manager().newSubManager()) {
            params.attachTo(scope);
            JniUtils.setGradMode(true);
            try {
                NDArray l = f.loss(scope, s);
                if (l.getShape().size() != 1)
                    throw new NeuralException("loss must be a scalar, got shape " + Shapes.show(l.getShape()));
                loss = l.toType(DataType.FLOAT64, false).getDouble();
                if (!Double.isFinite(loss)) throw new TrainingDiverged(s, loss, lastFiniteStep, lastLoss);
                JniUtils.backward((PtNDArray) l, (PtNDArray) scope.ones(l.getShape(), l.getDataType()), false, false);
            } finally {
                // Off again before the update, else the optimizer's in-place change of the weights is refused.
                JniUtils.setGradMode(false);
            }
            if (gradientListener != null) gradientListener.onGradients(s, params);
            optimizer.update(s, scope);
            params.zeroGradients();
        } catch (TrainingDiverged ex) {
            params.zeroGradients();
            throw ex;
        }
        step = s;
        lastLoss = loss;
        lastFiniteStep = s;
        for (StepListener l : listeners) l.onStep(s, loss);
        return loss;
    }

    /** Steps until {@link #stepsDone()} reaches {@code total}, showing progress in the run. */
    public double fit(long total, LossFunction f, RunContext ctx, String task) {
        try (Progress p = ctx.progress(task, total)) {
            p.advance(step);
            while (step < total) {
                step(f);
                p.advance(1);
            }
        }
        return lastLoss;
    }

    /**
     * The order of {@code n} examples in epoch {@code epoch}: a permutation drawn from a stream named by seed and
     * epoch (Fisher-Yates), so any epoch can be recomputed after a resume.
     */
    public static int[] batchOrder(long seed, long epoch, int n) {
        SplittableRandom r = Seeds.stream(seed, "neural.batches." + epoch);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }
}
