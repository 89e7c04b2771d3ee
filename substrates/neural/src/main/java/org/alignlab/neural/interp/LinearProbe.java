package org.alignlab.neural.interp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.alignlab.neural.AdamConfig;
import org.alignlab.neural.Losses;
import org.alignlab.neural.Model;
import org.alignlab.neural.Neural;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.Parameters;
import org.alignlab.neural.Scalars;
import org.alignlab.neural.Shapes;
import org.alignlab.neural.Trainer;

/**
 * A linear probe (Alain and Bengio 2016): softmax regression from an activation to a label, with an L2 penalty,
 * trained full-batch with Adam on a seeded train/test split. High test accuracy says the label is linearly readable
 * from the activation; it does not say that the model uses it.
 */
public final class LinearProbe {
    private LinearProbe() {}

    /**
     * @param l2           penalty l2 * sum(W^2) added to the mean cross-entropy (the bias is not penalised)
     * @param steps        full-batch Adam steps
     * @param lr           Adam learning rate
     * @param testFraction share of the rows held out for the test accuracy
     * @param seed         seed of the split
     */
    public record Options(double l2, int steps, double lr, double testFraction, long seed) {
        public Options {
            if (!(l2 >= 0)) throw new NeuralException("probe: l2 must be >= 0, got " + l2);
            if (steps < 1) throw new NeuralException("probe: steps must be >= 1, got " + steps);
            if (!(lr > 0)) throw new NeuralException("probe: lr must be > 0, got " + lr);
            if (!(testFraction > 0 && testFraction < 1))
                throw new NeuralException("probe: test fraction must be in (0, 1), got " + testFraction);
        }

        /** l2 1e-3, 200 steps, lr 0.1, 20% held out. */
        public static Options defaults(long seed) {
            return new Options(1e-3, 200, 0.1, 0.2, seed);
        }
    }

    /**
     * A trained probe.
     *
     * @param weights row-major (dim, classes)
     * @param bias    (classes)
     */
    public record Result(int dim, int classes, float[] weights, float[] bias, double trainAccuracy,
                         double testAccuracy, double trainLoss, int trainSize, int testSize) {
        /** The predicted class of one activation vector. */
        public int predict(float[] x) {
            if (x.length != dim) throw new NeuralException("probe: input of length " + x.length + ", expected " + dim);
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double s = bias[c];
                for (int j = 0; j < dim; j++) s += x[j] * weights[j * classes + c];
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            return best;
        }
    }

    private static final class Softmax implements Model {
        final Parameters p = new Parameters();

        Softmax(int dim, int classes) {
            p.constant("probe.W", new Shape(dim, classes), 0f);
            p.constant("probe.b", new Shape(classes), 0f);
        }

        @Override
        public Parameters parameters() {
            return p;
        }

        @Override
        public NDArray forward(NDArray x, boolean training) {
            return x.matMul(p.get("probe.W")).add(p.get("probe.b"));
        }
    }

    /**
     * Fits a probe on {@code activations} (rows..., dim): every axis but the last indexes a row, so a cached
     * (batch, pos, d_model) activation gives batch * pos rows; {@code labels} holds one class in [0, classes) per row.
     */
    public static Result fit(NDArray activations, int[] labels, int classes, Options o) {
        Shape s = activations.getShape();
        if (s.dimension() < 2)
            throw new NeuralException("probe: activations of shape " + Shapes.show(s) + " need a row axis and a feature axis");
        int dim = (int) s.get(s.dimension() - 1);
        int n = Math.toIntExact(s.size() / dim);
        if (labels.length != n)
            throw new NeuralException("probe: " + labels.length + " labels for activations of shape " + Shapes.show(s)
                    + " (" + n + " rows)");
        if (classes < 2) throw new NeuralException("probe: need at least 2 classes, got " + classes);
        for (int y : labels)
            if (y < 0 || y >= classes) throw new NeuralException("probe: label " + y + " outside [0, " + (classes - 1) + "]");
        int nTest = (int) Math.round(n * o.testFraction());
        if (nTest < 1 || nTest >= n)
            throw new NeuralException("probe: " + n + " rows cannot be split into train and test at fraction "
                    + o.testFraction());
        float[] x = SparseAutoencoder.floats(activations);
        int[] order = Trainer.batchOrder(o.seed(), 0, n);
        int nTrain = n - nTest;
        float[] xTr = new float[nTrain * dim], xTe = new float[nTest * dim];
        int[] yTr = new int[nTrain], yTe = new int[nTest];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            if (i < nTest) {
                System.arraycopy(x, r * dim, xTe, i * dim, dim);
                yTe[i] = labels[r];
            } else {
                System.arraycopy(x, r * dim, xTr, (i - nTest) * dim, dim);
                yTr[i - nTest] = labels[r];
            }
        }
        try (Softmax probe = new Softmax(dim, classes); NDManager data = Neural.newManager()) {
            NDArray trX = aligned(data, xTr, new Shape(nTrain, dim)), trY = data.create(yTr);
            NDArray teX = aligned(data, xTe, new Shape(nTest, dim)), teY = data.create(yTe);
            Trainer trainer = new Trainer(probe, AdamConfig.adam(o.lr()));
            float l2 = (float) o.l2();
            for (int step = 0; step < o.steps(); step++) {
                trainer.step((scope, t) -> {
                    NDArray ce = Losses.crossEntropy(probe.forward(trX, true), trY);
                    if (l2 == 0) return ce;
                    NDArray penalty = probe.p.get("probe.W").square().sum();
                    return ce.add(penalty.mul(Scalars.like(penalty, l2)));
                });
            }
            double trainAcc, testAcc;
            try (NDArray lTr = probe.scope(data, m -> probe.forward(trX, false));
                 NDArray lTe = probe.scope(data, m -> probe.forward(teX, false))) {
                trainAcc = Losses.accuracy(lTr, trY);
                testAcc = Losses.accuracy(lTe, teY);
            }
            return new Result(dim, classes, probe.p.floats("probe.W"), probe.p.floats("probe.b"), trainAcc, testAcc,
                    trainer.lastLoss(), nTrain, nTest);
        }
    }

    /** A copy in PyTorch's own aligned memory (see {@link Parameters#add}): matmul inputs from Java buffers may round
     * differently from run to run. */
    static NDArray aligned(NDManager m, float[] v, Shape shape) {
        try (NDArray blob = m.create(v, shape)) {
            NDArray a = blob.duplicate();
            a.attach(m);
            return a;
        }
    }
}
