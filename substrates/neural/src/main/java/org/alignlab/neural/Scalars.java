package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for arithmetic that autograd may remember. Use {@code x.mul(Scalars.like(x, c))}, never
 * {@code x.mul(c)}, wherever {@code x} may require a gradient.
 *
 * <p>Why: DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code pow}, ...) wraps the number in a tensor whose
 * memory is a Java direct buffer and closes that tensor as soon as the operation returns; the buffer is then freed
 * whenever the garbage collector gets to it. PyTorch's autograd keeps the operand of a product or a quotient for
 * the backward pass, so a backward pass that runs after such a collection reads freed memory: rarely, at a moment
 * that depends on the collector and on what other threads allocate, one step's gradient came out wrong (a seed
 * inside {@code alignlab reproduce} left its usual path at a random step; with the freed memory overwritten on
 * purpose, the loss became NaN within 30 steps). A scalar made here lives in PyTorch's own reference-counted
 * memory, which autograd keeps alive for as long as it needs it. {@code ScalarLifetimeTest} trains while another
 * thread frees and overwrites memory, and requires the same numbers as a quiet run.
 */
public final class Scalars {
    private Scalars() {}

    /** A 0-d array holding {@code value} in {@code x}'s data type and manager, in PyTorch-owned memory. */
    public static NDArray like(NDArray x, double value) {
        return x.getManager().full(new Shape(), (float) value, x.getDataType());
    }
}
