package org.alignlab.neural.interp;

import ai.djl.ndarray.NDArray;
import org.alignlab.neural.NeuralException;
import org.alignlab.neural.Shapes;

/** A number read off a model's logits (batch, pos, d_vocab), the quantity activation patching tracks. */
@FunctionalInterface
public interface LogitMetric {
    double of(NDArray logits);

    /**
     * The mean over the batch of logit[position, correct[b]] - logit[position, wrong[b]] (Wang et al. 2022's logit
     * difference). {@code position} may be negative (-1 = last).
     */
    static LogitMetric logitDifference(int position, int[] correct, int[] wrong) {
        int[] c = correct.clone(), w = wrong.clone();
        if (c.length != w.length)
            throw new NeuralException("logit difference: " + c.length + " correct tokens but " + w.length + " wrong ones");
        return logits -> {
            long[] s = logits.getShape().getShape();
            if (s.length != 3 || s[0] != c.length)
                throw new NeuralException("logit difference: logits of shape " + Shapes.show(logits.getShape())
                        + " do not fit " + c.length + " token pairs; expected (" + c.length + ", pos, d_vocab)");
            int pos = resolve(position, (int) s[1]);
            int vocab = (int) s[2];
            float[] l = logits.toFloatArray();
            double sum = 0;
            for (int b = 0; b < c.length; b++) {
                if (c[b] < 0 || c[b] >= vocab || w[b] < 0 || w[b] >= vocab)
                    throw new NeuralException("logit difference: token " + Math.max(c[b], w[b]) + " or "
                            + Math.min(c[b], w[b]) + " outside the vocabulary [0, " + (vocab - 1) + "]");
                long base = ((long) b * s[1] + pos) * vocab;
                sum += (double) l[(int) (base + c[b])] - l[(int) (base + w[b])];
            }
            return sum / c.length;
        };
    }

    /** The same pair of tokens for every row. */
    static LogitMetric logitDifference(int position, int correct, int wrong, int batch) {
        int[] c = new int[batch], w = new int[batch];
        java.util.Arrays.fill(c, correct);
        java.util.Arrays.fill(w, wrong);
        return logitDifference(position, c, w);
    }

    /** A position index, negative counting from the end, checked against {@code n}. */
    static int resolve(int position, int n) {
        int p = position < 0 ? n + position : position;
        if (p < 0 || p >= n) throw new NeuralException("position " + position + " out of range for " + n + " positions");
        return p;
    }
}
