package org.alignlab.robust.superposition;

import org.alignlab.core.Param;

/**
 * Settings of the three superposition reproductions of Elhage et al. 2022.
 *
 * @param steps                optimizer steps per sweep (each step draws a fresh batch)
 * @param batch                examples per model per step
 * @param lr                   AdamW learning rate (constant)
 * @param weightDecay          AdamW decoupled weight decay
 * @param restarts             fits per sparsity in parts (a) and (b); the lowest-loss fit is kept
 * @param pentagonSparsities   part (a), n = 5, m = 2, I_i = 0.9^i: the sparsities swept (first one 0)
 * @param sweepSparsities      part (b), n = 20, m = 5, I_i = 0.7^i: the sparsities swept (first one 0)
 * @param uniformFeatures      part (c), importance 1: the number of features n
 * @param uniformHidden        part (c): the number of hidden dimensions m
 * @param uniformPoints        part (c): how many sparsities, log-spaced in 1/(1 − S) from 1
 * @param uniformMaxInverseDensity part (c): the largest 1/(1 − S) of the sweep
 */
public record SuperpositionConfig(
        @Param(value = "optimizer steps per sweep (a fresh batch each step)", min = 1, max = 1_000_000) int steps,
        @Param(value = "examples per model per step", min = 1, max = 65_536) int batch,
        @Param(value = "AdamW learning rate (constant schedule)", min = 1e-6, max = 1) double lr,
        @Param(value = "AdamW decoupled weight decay", min = 0, max = 1) double weightDecay,
        @Param(value = "fits per sparsity in parts (a) and (b); the one with the lowest loss is kept", min = 1,
                max = 64) int restarts,
        @Param(value = "part (a) sparsities S, increasing from 0 (n=5, m=2, I=0.9^i)", min = 0, max = 0.9999)
        double[] pentagonSparsities,
        @Param(value = "part (b) sparsities S, increasing from 0 (n=20, m=5, I=0.7^i)", min = 0, max = 0.9999)
        double[] sweepSparsities,
        @Param(value = "part (c) number of features n (importance 1)", min = 2, max = 2_000) int uniformFeatures,
        @Param(value = "part (c) hidden dimensions m (must be below n)", min = 1, max = 500) int uniformHidden,
        @Param(value = "part (c) number of sparsities, log-spaced in 1/(1-S) from 1", min = 2, max = 100)
        int uniformPoints,
        @Param(value = "part (c) largest inverse density 1/(1-S)", min = 1.01, max = 10_000)
        double uniformMaxInverseDensity) {

    /**
     * Seconds per seed: 1,000 steps of batch 256 at a tenfold learning rate (1e-2), two fits per sparsity, five
     * sparsities in (a), four in (b), and part (c) at n = 100, m = 10 over eight sparsities up to 1/(1 − S) = 20.
     */
    public static SuperpositionConfig quick() {
        return new SuperpositionConfig(1_000, 256, 1e-2, 0.01, 2, new double[] {0, 0.7, 0.9, 0.97, 0.99},
                new double[] {0, 0.7, 0.9, 0.99}, 100, 10, 8, 20);
    }

    /**
     * The paper's toy model framework: 10,000 steps of batch 1024, AdamW at a constant 1e-3 (PyTorch's default
     * weight decay 0.01), four fits per sparsity, the seven sparsities of the paper's n = 20 figure, and the
     * framework's feature-dimensionality setup (n = 200, m = 20, 20 sparsities with 1/(1 − S) from 1 to 20).
     */
    public static SuperpositionConfig paper() {
        double[] seven = {0, 0.7, 0.9, 0.97, 0.99, 0.997, 0.999};
        return new SuperpositionConfig(10_000, 1024, 1e-3, 0.01, 4, seven.clone(), seven.clone(), 200, 20, 20, 20);
    }

    /** Sparsities of part (c): S_k = 1 − r^(−k/(points−1)) with r the largest inverse density. */
    public double[] uniformSparsities() {
        double[] s = new double[uniformPoints];
        for (int k = 0; k < uniformPoints; k++)
            s[k] = 1 - Math.pow(uniformMaxInverseDensity, -(double) k / (uniformPoints - 1));
        return s;
    }
}
