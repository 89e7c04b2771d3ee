package org.alignlab.neural;

import ai.djl.ndarray.NDArray;

/**
 * A network: named {@link Parameters} and a forward function written on DJL arrays.
 *
 * <p>Memory rule: {@link #forward} puts everything it computes into the manager its parameters are in at the
 * time of the call. {@link Trainer} moves the parameters into a per-step manager that is closed after the step,
 * so all temporaries are freed; to call {@code forward} yourself, do the same ({@link #scope}).
 */
public interface Model extends AutoCloseable {
    Parameters parameters();

    /**
     * The forward pass. {@code training} switches dropout on.
     *
     * @throws NeuralException when the input's shape does not fit (naming the block and the shapes)
     */
    NDArray forward(NDArray input, boolean training);

    /**
     * Runs {@code body} with the parameters in a fresh manager that is closed afterwards, autograd off (an
     * evaluation: see {@link Neural#noGrad}); the result is moved into {@code keepIn}'s manager (typically the
     * input's).
     */
    default NDArray scope(ai.djl.ndarray.NDManager keepIn, java.util.function.Function<ai.djl.ndarray.NDManager, NDArray> body) {
        try (ai.djl.ndarray.NDManager scope = keepIn.newSubManager()) {
            parameters().attachTo(scope);
            NDArray out = Neural.noGrad(() -> body.apply(scope));
            out.attach(keepIn);
            return out;
        }
    }

    @Override
    default void close() {
        parameters().close();
    }
}
