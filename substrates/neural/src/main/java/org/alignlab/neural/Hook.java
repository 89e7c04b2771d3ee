package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A function at a hook point: it reads the activation and returns it, or returns a replacement of the same shape
 * (ablation, patching). Arrays it creates should come from {@code activation.getManager()} so that they are freed
 * with the forward pass.
 */
@FunctionalInterface
public interface Hook {
    NDArray apply(NDArray activation, String hookName);

    /** Replaces the whole activation by {@code source} (same shape), e.g. a cached clean activation. */
    static Hook replaceWith(NDArray source) {
        return (act, name) -> {
            NDArray s = source.duplicate();
            s.attach(act.getManager());
            return s;
        };
    }

    /** Sets one head to zero (axis 2 for q, k, v, z; axis 1 for attention scores and pattern). */
    static Hook zeroAblateHead(int head) {
        return (act, name) -> {
            NDArray keep = oneAlong(act.getManager(), act.getShape(), headAxis(name), head, true);
            return act.mul(keep);
        };
    }

    /** Copies one head (see {@link #zeroAblateHead}) from {@code source}, keeping the rest. */
    static Hook patchHead(NDArray source, int head) {
        return (act, name) -> blend(act, source, oneAlong(act.getManager(), act.getShape(), headAxis(name), head, false));
    }

    /** Copies one position (axis 1 for residual, q/k/v/z and MLP hooks; query axis 2 for scores/pattern). */
    static Hook patchPosition(NDArray source, int position) {
        return (act, name) -> {
            int axis = name.endsWith("hook_attn_scores") || name.endsWith("hook_pattern") ? 2 : 1;
            return blend(act, source, oneAlong(act.getManager(), act.getShape(), axis, position, false));
        };
    }

    private static NDArray blend(NDArray act, NDArray source, NDArray take) {
        if (!source.getShape().equals(act.getShape()))
            throw new NeuralException("patch source of shape " + Shapes.show(source.getShape())
                    + " does not fit activation of shape " + Shapes.show(act.getShape()));
        // act * (1 - take) + take * source; every product has a scope-owned array first so it is freed with the scope
        return act.mul(take.neg().add(1)).add(take.mul(source));
    }

    private static int headAxis(String name) {
        if (name.endsWith("hook_attn_scores") || name.endsWith("hook_pattern")) return 1;
        if (name.endsWith("hook_q") || name.endsWith("hook_k") || name.endsWith("hook_v") || name.endsWith("hook_z"))
            return 2;
        throw new NeuralException("hook " + name + " has no head axis; use a per-head hook (hook_q, hook_k, hook_v, "
                + "hook_z, hook_attn_scores, hook_pattern)");
    }

    /** An array broadcastable to {@code shape}: 1 at {@code index} along {@code axis} and 0 elsewhere (or the reverse). */
    private static NDArray oneAlong(NDManager m, Shape shape, int axis, int index, boolean invert) {
        long n = shape.get(axis);
        if (index < 0 || index >= n)
            throw new NeuralException("index " + index + " out of range 0.." + (n - 1) + " on axis " + axis
                    + " of an activation of shape " + Shapes.show(shape));
        float[] v = new float[(int) n];
        for (int i = 0; i < n; i++) v[i] = (i == index) != invert ? 1f : 0f;
        long[] dims = new long[shape.dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[axis] = n;
        return m.create(v, new Shape(dims));
    }
}
