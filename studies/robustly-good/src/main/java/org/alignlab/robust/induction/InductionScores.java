package org.alignlab.robust.induction;

/**
 * Scores of attention patterns and per-token losses on {@link RepeatedTokens}.
 *
 * <p>Patterns are row-major (batch, head, query, key), as at {@code blocks.i.attn.hook_pattern}; per-token losses
 * are row-major (batch, nCtx - 1), entry k being the loss of predicting token k + 1 from tokens 0..k.
 */
public final class InductionScores {
    private InductionScores() {}

    /**
     * Prefix-matching score of each head (Olsson et al. 2022, "prefix matching"; the induction score of
     * TransformerLens): the mean attention from each position of the second copy to the token after the earlier
     * occurrence of its own token. For a sequence with prefix P and segment L, query P + L + j - 1 (holding segment
     * token j - 1) should attend to key P + j, for j = 1..L; the mean runs over those queries of all sequences.
     */
    public static double[] prefixMatching(float[] pattern, int heads, RepeatedTokens data) {
        int n = data.nCtx();
        checkPattern(pattern, heads, data);
        double[] score = new double[heads];
        long count = 0;
        for (int b = 0; b < data.batch(); b++) {
            int p = data.prefix()[b], len = data.segment()[b];
            for (int j = 1; j <= len; j++) {
                int q = p + len + j - 1, k = p + j;
                for (int h = 0; h < heads; h++) score[h] += pattern[(((b * heads) + h) * n + q) * n + k];
                count++;
            }
        }
        for (int h = 0; h < heads; h++) score[h] /= count;
        return score;
    }

    /** Previous-token score of each head: the mean attention from position q to q - 1, over q = 1..nCtx-1. */
    public static double[] previousToken(float[] pattern, int heads, RepeatedTokens data) {
        int n = data.nCtx();
        checkPattern(pattern, heads, data);
        double[] score = new double[heads];
        for (int b = 0; b < data.batch(); b++)
            for (int h = 0; h < heads; h++)
                for (int q = 1; q < n; q++) score[h] += pattern[(((b * heads) + h) * n + q) * n + q - 1];
        for (int h = 0; h < heads; h++) score[h] /= (double) data.batch() * (n - 1);
        return score;
    }

    /**
     * Mean loss on the predictable tokens of the first (copy 0) or second (copy 1) copy: segment tokens j = 1..L-1,
     * i.e. tokens P + c L + j. Token 0 of a copy follows an unrelated token and is left out of both.
     */
    public static double copyLoss(float[] tokenLoss, RepeatedTokens data, int copy) {
        int n = data.nCtx();
        if (tokenLoss.length != data.batch() * (n - 1))
            throw new IllegalArgumentException("per-token losses: " + tokenLoss.length + " values for a batch of "
                    + data.batch() + " x " + (n - 1));
        double sum = 0;
        long count = 0;
        for (int b = 0; b < data.batch(); b++) {
            int p = data.prefix()[b], len = data.segment()[b];
            for (int j = 1; j < len; j++) {
                sum += tokenLoss[b * (n - 1) + p + copy * len + j - 1];
                count++;
            }
        }
        return sum / count;
    }

    /** Mean per-token loss at each predicted position 1..nCtx-1 (index k: predicting token k + 1). */
    public static double[] lossByPosition(float[] tokenLoss, int batch, int nCtx) {
        double[] out = new double[nCtx - 1];
        for (int b = 0; b < batch; b++)
            for (int k = 0; k < nCtx - 1; k++) out[k] += tokenLoss[b * (nCtx - 1) + k];
        for (int k = 0; k < nCtx - 1; k++) out[k] /= batch;
        return out;
    }

    /**
     * The first step at which {@code values} has covered half the way from {@code from} to its last value
     * (a drop when the last value is below {@code from}, a rise otherwise); the last step when it never does.
     */
    public static long halfwayStep(double[] steps, double[] values, double from) {
        double target = (from + values[values.length - 1]) / 2;
        boolean falling = values[values.length - 1] < from;
        for (int i = 0; i < values.length; i++)
            if (falling ? values[i] <= target : values[i] >= target) return (long) steps[i];
        return (long) steps[steps.length - 1];
    }

    private static void checkPattern(float[] pattern, int heads, RepeatedTokens data) {
        long expect = (long) data.batch() * heads * data.nCtx() * data.nCtx();
        if (pattern.length != expect)
            throw new IllegalArgumentException("attention pattern: " + pattern.length + " values, expected (batch "
                    + data.batch() + ", heads " + heads + ", " + data.nCtx() + ", " + data.nCtx() + ")");
    }
}
