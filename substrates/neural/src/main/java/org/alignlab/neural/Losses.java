package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Losses and metrics on logits. Results live in the logits' manager. */
public final class Losses {
    private Losses() {}

    /**
     * Mean cross-entropy of {@code logits} (..., classes) against integer {@code targets} (...), computed from
     * log-softmax for stability.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        long[] ls = logits.getShape().getShape();
        long[] ts = targets.getShape().getShape();
        if (ts.length != ls.length - 1 || !java.util.Arrays.equals(ts, java.util.Arrays.copyOf(ls, ts.length)))
            throw new NeuralException("cross-entropy: targets of shape " + Shapes.show(targets.getShape())
                    + " do not fit logits of shape " + Shapes.show(logits.getShape()));
        NDArray idx = targets.toType(DataType.INT64, true);
        idx.attach(logits.getManager());
        return logits.logSoftmax(-1).gather(idx.expandDims(-1), -1).mean().neg();
    }

    /** Mean squared error. */
    public static NDArray mse(NDArray prediction, NDArray target) {
        if (!prediction.getShape().equals(target.getShape()))
            throw new NeuralException("mse: prediction of shape " + Shapes.show(prediction.getShape())
                    + " does not fit target of shape " + Shapes.show(target.getShape()));
        return prediction.sub(target).square().mean();
    }

    /** Fraction of rows whose arg-max matches the integer target. */
    public static double accuracy(NDArray logits, NDArray targets) {
        try (var tmp = logits.getManager().newSubManager()) {
            NDArray pred = logits.argMax(-1);
            pred.attach(tmp);
            NDArray t = targets.toType(DataType.INT64, true);
            t.attach(tmp);
            NDArray hit = pred.eq(t).toType(DataType.FLOAT64, false);
            hit.attach(tmp);
            return hit.mean().getDouble();
        }
    }
}
