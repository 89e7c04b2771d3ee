package org.alignlab.robust.superposition;

import java.util.SplittableRandom;

/**
 * The synthetic features of Elhage et al. 2022 ("Demonstrating Superposition", The Feature Vector): x_i = 0 with
 * probability S, otherwise uniform on [0, 1], independently for every feature and example.
 *
 * <p>One uniform draw u per entry: x = 0 when u &lt; S, else (u − S)/(1 − S), which given u ≥ S is uniform on
 * [0, 1). Same stream, same batch, bit for bit.
 */
public final class SparseFeatures {
    private SparseFeatures() {}

    /**
     * Fills {@code out} (instances × batch × n, row-major) with one batch per instance; instance k has sparsity
     * {@code sparsity[k]}.
     */
    public static void fill(float[] out, double[] sparsity, int batch, int n, SplittableRandom rng) {
        if (out.length != sparsity.length * batch * n)
            throw new IllegalArgumentException("buffer of " + out.length + " for " + sparsity.length + " x " + batch
                    + " x " + n);
        int idx = 0;
        for (double s : sparsity) {
            double density = 1 - s;
            for (int r = 0; r < batch * n; r++) {
                double u = rng.nextDouble();
                out[idx++] = u < s ? 0f : (float) ((u - s) / density);
            }
        }
    }
}
