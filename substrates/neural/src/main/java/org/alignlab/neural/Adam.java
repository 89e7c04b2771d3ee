package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam / AdamW on {@link Parameters}, in PyTorch's order of operations (torch.optim.AdamW): decay the weights,
 * update the moments, then step by lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
 *
 * <p>DJL's own Adam adds weight decay to the gradient (L2); this class does both forms, on our parameters.
 */
public final class Adam {
    private final AdamConfig cfg;
    private final Parameters params;
    private final NDManager state;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();

    public Adam(Parameters params, AdamConfig cfg) {
        this.cfg = cfg;
        this.params = params;
        this.state = params.manager().newSubManager();
        for (String name : params.names()) {
            NDArray p = params.get(name);
            m.put(name, state.zeros(p.getShape()));
            v.put(name, state.zeros(p.getShape()));
        }
    }

    public AdamConfig config() {
        return cfg;
    }

    /** The learning rate at step {@code t} (from 1). */
    public double learningRate(long t) {
        return cfg.lr() * cfg.schedule().factor(t);
    }

    /**
     * Applies update number {@code t} (from 1) with the gradients now attached to the parameters. Call outside a
     * backward pass (grad mode off), with the parameters in {@code scope} (temporaries are freed with it).
     */
    public void update(long t, NDManager scope) {
        float lr = (float) learningRate(t);
        float b1 = (float) cfg.beta1(), b2 = (float) cfg.beta2(), wd = (float) cfg.weightDecay();
        double bc1 = 1 - Math.pow(cfg.beta1(), t);
        double bc2 = 1 - Math.pow(cfg.beta2(), t);
        float stepSize = (float) (lr / bc1);
        float sqrtBc2 = (float) Math.sqrt(bc2);
        for (String name : params.names()) {
            NDArray p = params.get(name);
            NDArray mi = m.get(name), vi = v.get(name);
            scope.tempAttachAll(mi, vi);
            NDArray g = p.getGradient();
            if (wd != 0 && !cfg.decoupled()) g = g.add(p.mul(wd));
            if (wd != 0 && cfg.decoupled()) p.muli(1 - lr * wd);
            mi.muli(b1).addi(g.mul(1 - b1));
            vi.muli(b2).addi(g.square().mul(1 - b2));
            NDArray denom = vi.sqrt().div(sqrtBc2).add((float) cfg.eps());
            p.subi(mi.div(denom).mul(stepSize));
        }
    }

    /** First moments by parameter name (for checkpoints). */
    Map<String, NDArray> firstMoments() {
        return m;
    }

    /** Second moments by parameter name (for checkpoints). */
    Map<String, NDArray> secondMoments() {
        return v;
    }
}
