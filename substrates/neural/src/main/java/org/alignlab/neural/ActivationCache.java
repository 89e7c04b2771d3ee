package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activations of one forward pass by hook name (after any hook ran), plus the logits. Owns its arrays; close it.
 */
public final class ActivationCache implements AutoCloseable {
    private final NDManager manager = Neural.newManager();
    private final Map<String, NDArray> byName = new LinkedHashMap<>();
    private NDArray logits;

    void put(String name, NDArray activation) {
        NDArray c = activation.stopGradient();
        c.attach(manager);
        byName.put(name, c);
    }

    void putLogits(NDArray l) {
        NDArray c = l.stopGradient();
        c.attach(manager);
        logits = c;
    }

    /** The activation at {@code name}; an unknown name is refused with the closest names. */
    public NDArray get(String name) {
        NDArray a = byName.get(name);
        if (a == null) throw new NeuralException("no activation '" + name + "' in the cache"
                + Parameters.suggest(name, byName.keySet()));
        return a;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Hook names in forward order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The output logits, shape (batch, pos, d_vocab) for a transformer. */
    public NDArray logits() {
        return logits;
    }

    /** A copy of an activation as a flat row-major float array. */
    public float[] floats(String name) {
        return get(name).toFloatArray();
    }

    /** The shape of an activation. */
    public long[] shape(String name) {
        return get(name).getShape().getShape();
    }

    /** The manager owning the cached arrays (arrays derived from them for later use can be attached here). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
