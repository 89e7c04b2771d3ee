package org.alignlab.robust.superposition;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.SplittableRandom;
import org.alignlab.neural.Model;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.Parameters;

/**
 * The ReLU output model of Elhage et al. 2022 ("Demonstrating Superposition", The Model): x' = ReLU(WᵀWx + b), with
 * W of shape m × n, trained as {@code instances} independent models at once (one batched tensor, as in the paper's
 * toy model framework), so that a sparsity sweep and its restarts share every step.
 *
 * <p>Parameters: {@code W} of shape (instances, n, m) — row i of instance k is the paper's column W_i, the direction
 * that represents feature i — and {@code b} of shape (instances, 1, n). W starts Xavier-normal for an m × n matrix
 * (std √(2 / (n + m))), b at zero.
 */
public final class ToyModel implements Model {
    private final Parameters params = new Parameters();
    private final int instances;
    private final int features;
    private final int hidden;

    public ToyModel(int instances, int features, int hidden, SplittableRandom init) {
        if (instances < 1 || features < 1 || hidden < 1)
            throw new NeuralException("toy model needs at least one instance, feature and hidden dimension, got "
                    + instances + ", " + features + ", " + hidden);
        this.instances = instances;
        this.features = features;
        this.hidden = hidden;
        params.normal("W", new Shape(instances, features, hidden), Math.sqrt(2.0 / (features + hidden)), init);
        params.constant("b", new Shape(instances, 1, features), 0f);
    }

    public int instances() {
        return instances;
    }

    public int features() {
        return features;
    }

    public int hidden() {
        return hidden;
    }

    @Override
    public Parameters parameters() {
        return params;
    }

    /**
     * {@code input} of shape (instances, batch, n), one example per row; returns x' of the same shape. With the
     * rows W_i stored as an n × m matrix V = Wᵀ, h = xV (the paper's Wx) and x' = ReLU(hVᵀ + b).
     */
    @Override
    public NDArray forward(NDArray input, boolean training) {
        long[] s = input.getShape().getShape();
        if (s.length != 3 || s[0] != instances || s[2] != features)
            throw new NeuralException("toy model: input of shape " + input.getShape() + " does not fit (instances="
                    + instances + ", batch, n=" + features + ")");
        NDArray w = params.get("W");
        NDArray h = input.matMul(w);                               // (k, B, m)
        return Activation.relu(h.matMul(w.transpose(0, 2, 1)).add(params.get("b")));
    }

    /** W of instance {@code k} as rows W_i (n × m), in double precision. */
    public double[][] weights(int k) {
        float[] all = params.floats("W");
        double[][] out = new double[features][hidden];
        int base = k * features * hidden;
        for (int i = 0; i < features; i++)
            for (int j = 0; j < hidden; j++) out[i][j] = all[base + i * hidden + j];
        return out;
    }

    /** b of instance {@code k}. */
    public double[] bias(int k) {
        float[] all = params.floats("b");
        double[] out = new double[features];
        for (int i = 0; i < features; i++) out[i] = all[k * features + i];
        return out;
    }
}
