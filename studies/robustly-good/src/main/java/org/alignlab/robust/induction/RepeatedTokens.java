package org.alignlab.robust.induction;

import java.util.SplittableRandom;

/**
 * A batch of sequences with one repeated random segment: {@code prefix | segment | segment | suffix}, every token
 * uniform on the vocabulary. The prefix length and the segment length vary per sequence, so that the second copy
 * can be predicted only by finding the earlier occurrence of the current token and copying the token after it (an
 * induction head, Elhage et al. 2021), not by a fixed positional offset.
 *
 * @param tokens  row-major (batch, nCtx)
 * @param batch   number of sequences
 * @param nCtx    sequence length
 * @param prefix  per sequence: where the first copy starts
 * @param segment per sequence: the segment length L (the second copy starts at prefix + L)
 */
public record RepeatedTokens(int[] tokens, int batch, int nCtx, int[] prefix, int[] segment) {
    public RepeatedTokens {
        if (tokens.length != batch * nCtx || prefix.length != batch || segment.length != batch)
            throw new IllegalArgumentException("repeated-token batch: arrays do not fit (" + batch + ", " + nCtx + ")");
        for (int b = 0; b < batch; b++)
            if (segment[b] < 2 || prefix[b] < 0 || prefix[b] + 2 * segment[b] > nCtx)
                throw new IllegalArgumentException("repeated-token batch: sequence " + b + " has prefix " + prefix[b]
                        + " and segment " + segment[b] + ", which do not fit n_ctx " + nCtx);
    }

    /**
     * Draws {@code batch} sequences: L uniform on [minSegment, maxSegment], prefix uniform on [0, nCtx - 2L], the
     * rest uniform tokens.
     */
    public static RepeatedTokens sample(SplittableRandom rng, int batch, int nCtx, int vocab, int minSegment,
                                        int maxSegment) {
        int[] tokens = new int[batch * nCtx];
        int[] prefix = new int[batch];
        int[] segment = new int[batch];
        for (int b = 0; b < batch; b++) {
            int len = minSegment + rng.nextInt(maxSegment - minSegment + 1);
            int start = rng.nextInt(nCtx - 2 * len + 1);
            segment[b] = len;
            prefix[b] = start;
            int row = b * nCtx;
            for (int i = 0; i < nCtx; i++) tokens[row + i] = rng.nextInt(vocab);
            for (int j = 0; j < len; j++) tokens[row + start + len + j] = tokens[row + start + j];
        }
        return new RepeatedTokens(tokens, batch, nCtx, prefix, segment);
    }

    /** Every sequence with the same prefix and segment length (for per-position curves and attention maps). */
    public static RepeatedTokens fixed(SplittableRandom rng, int batch, int nCtx, int vocab, int prefix, int length) {
        int[] tokens = new int[batch * nCtx];
        int[] p = new int[batch];
        int[] s = new int[batch];
        for (int b = 0; b < batch; b++) {
            p[b] = prefix;
            s[b] = length;
            int row = b * nCtx;
            for (int i = 0; i < nCtx; i++) tokens[row + i] = rng.nextInt(vocab);
            for (int j = 0; j < length; j++) tokens[row + prefix + length + j] = tokens[row + prefix + j];
        }
        return new RepeatedTokens(tokens, batch, nCtx, p, s);
    }
}
