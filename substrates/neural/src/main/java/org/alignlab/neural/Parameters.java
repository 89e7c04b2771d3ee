package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A model's trainable weights: float32 arrays by name, in insertion order, each with an attached gradient. The
 * arrays live in this object's own manager; {@link #close()} frees them.
 *
 * <p>Initial values come from a seeded {@link SplittableRandom} on the Java side, so the same seed gives the same
 * weights bit for bit, whatever the engine or thread count.
 */
public final class Parameters implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();

    public Parameters() {
        this.manager = Neural.newManager();
    }

    /** Adds a parameter with the given values (row-major). */
    public NDArray add(String name, Shape shape, float[] values) {
        if (byName.containsKey(name)) throw new IllegalArgumentException("duplicate parameter " + name);
        if (shape.size() != values.length)
            throw new IllegalArgumentException(name + ": " + values.length + " values for shape " + shape);
        // Copied into PyTorch's own (64-byte aligned) memory: an array made from a Java buffer stays wherever the JVM
        // put the buffer, and MKL's kernels may round differently for differently aligned inputs (Intel MKL,
        // "Conditional Numerical Reproducibility"), so the same seed could give weights that differ in the last bits.
        NDArray a;
        try (NDArray blob = manager.create(values, shape)) {
            a = blob.duplicate();
        }
        a.setName(name);
        a.setRequiresGradient(true);
        byName.put(name, a);
        return a;
    }

    /** Adds a parameter drawn from N(0, std^2). */
    public NDArray normal(String name, Shape shape, double std, SplittableRandom rng) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) (rng.nextGaussian() * std);
        return add(name, shape, v);
    }

    /** Adds a parameter drawn from Uniform[-bound, bound]. */
    public NDArray uniform(String name, Shape shape, double bound, SplittableRandom rng) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        return add(name, shape, v);
    }

    /** Adds a parameter filled with {@code value}. */
    public NDArray constant(String name, Shape shape, float value) {
        float[] v = new float[Math.toIntExact(shape.size())];
        java.util.Arrays.fill(v, value);
        return add(name, shape, v);
    }

    /** The parameter called {@code name}. */
    public NDArray get(String name) {
        NDArray a = byName.get(name);
        if (a == null) {
            throw new NeuralException("unknown parameter '" + name + "'"
                    + suggest(name, byName.keySet()));
        }
        return a;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Names in insertion order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The arrays in insertion order. */
    public List<NDArray> arrays() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    /** Total number of scalars. */
    public long count() {
        long n = 0;
        for (NDArray a : byName.values()) n += a.size();
        return n;
    }

    /** Shape of a parameter, as a plain {@code long[]}. */
    public long[] shape(String name) {
        return get(name).getShape().getShape();
    }

    /** A copy of a parameter's values (row-major). */
    public float[] floats(String name) {
        return get(name).toFloatArray();
    }

    /** Overwrites a parameter's values in place (row-major; the count must match). */
    public void set(String name, float[] values) {
        NDArray a = get(name);
        if (values.length != a.size())
            throw new NeuralException("parameter " + name + " has " + a.size() + " values, not " + values.length);
        assign(a, values);
    }

    /**
     * Overwrites {@code target}'s values in place, keeping its (aligned) memory. Goes through an indexed copy:
     * DJL's {@code NDArray.set(float[])} and {@code copyTo} take a libtorch path that prints a deprecation warning
     * ("AutoNonVariableTypeMode is deprecated") straight to the process's stderr, past any logging setting.
     */
    static void assign(NDArray target, float[] values) {
        try (NDArray src = target.getManager().create(values, target.getShape())) {
            target.set(ALL, src);
        }
    }

    private static final ai.djl.ndarray.index.NDIndex ALL = new ai.djl.ndarray.index.NDIndex("...");

    /**
     * A copy of the gradient of a parameter from the last backward pass (zeros if none yet). Gradients are zeroed
     * by the optimizer after each step, so read them between backward and update (see {@link Trainer}).
     */
    public float[] gradient(String name) {
        NDArray a = get(name);
        try (NDManager tmp = manager.newSubManager()) {
            NDArray g = a.getGradient();
            g.attach(tmp);
            return g.toFloatArray();
        }
    }

    /** Sets every gradient to zero (PyTorch accumulates gradients across backward passes). */
    public void zeroGradients() {
        for (NDArray a : byName.values()) JniUtils.zeroGrad((PtNDArray) a);
    }

    /** Temporarily moves every parameter into {@code step}, so that arrays computed from them are freed with it. */
    public void attachTo(NDManager step) {
        step.tempAttachAll(byName.values().toArray(NDArray[]::new));
    }

    /** The manager that owns the parameters (for state that should live as long as they do). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }

    static String suggest(String name, java.util.Collection<String> known) {
        List<String> close = org.alignlab.core.Suggestions.closest(name, known);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }
}
