package org.alignlab.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** One-line shape checks at block boundaries: the block's name, what came in and what was expected. */
public final class Shapes {
    private Shapes() {}

    /** Shape as {@code (a, b, c)}. */
    public static String show(Shape s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.dimension(); i++) b.append(i == 0 ? "" : ", ").append(s.get(i));
        return b.append(')').toString();
    }

    /**
     * Checks {@code x} against {@code expected}, where -1 means any size.
     *
     * @throws NeuralException naming the block, the shape that came and the one expected
     */
    public static void require(String block, String what, NDArray x, long... expected) {
        Shape s = x.getShape();
        boolean ok = s.dimension() == expected.length;
        for (int i = 0; ok && i < expected.length; i++) ok = expected[i] < 0 || expected[i] == s.get(i);
        if (!ok) {
            StringBuilder e = new StringBuilder("(");
            for (int i = 0; i < expected.length; i++)
                e.append(i == 0 ? "" : ", ").append(expected[i] < 0 ? "*" : Long.toString(expected[i]));
            throw new NeuralException(block + ": " + what + " of shape " + show(s) + " does not fit; expected "
                    + e.append(')'));
        }
    }
}
