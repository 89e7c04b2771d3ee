package org.alignlab.robust.grokking;

import org.alignlab.core.Param;

/**
 * Settings of the grokking reproduction (Nanda et al. 2023, Sect. 3 and App. A): (a + b) mod p from the tokens
 * {@code a b =}, the one-layer transformer of {@code TransformerConfig.grokking(p)}, full-batch AdamW with betas
 * (0.9, 0.98) and a linear warm-up.
 *
 * @param p              the modulus, a prime
 * @param trainFraction  share of the p^2 pairs used for training (the rest is the test set)
 * @param steps          full-batch training steps (epochs)
 * @param lr             AdamW learning rate after warm-up
 * @param weightDecay    AdamW (decoupled) weight decay
 * @param warmup         steps of linear learning-rate warm-up
 * @param measureEvery   steps between the snapshots on which accuracy, test loss and the progress measures are taken
 */
public record GrokkingConfig(
        @Param(value = "modulus p of (a + b) mod p; a prime", min = 5, max = 211) int p,
        @Param(value = "fraction of the p^2 pairs used for training", min = 0.05, max = 0.95) double trainFraction,
        @Param(value = "full-batch training steps (epochs)", min = 10, max = 1_000_000) int steps,
        @Param(value = "AdamW learning rate after warm-up", min = 1e-6, max = 0.1) double lr,
        @Param(value = "AdamW decoupled weight decay", min = 0, max = 10) double weightDecay,
        @Param(value = "steps of linear learning-rate warm-up", min = 0, max = 100_000) int warmup,
        @Param(value = "steps between snapshots for test metrics and progress measures", min = 1, max = 100_000)
        int measureEvery) {

    /** The published setup: p = 113, 30% of pairs, lr 1e-3, weight decay 1, 10 warm-up steps, 40,000 epochs. */
    public static GrokkingConfig paper() {
        return new GrokkingConfig(113, 0.3, 40_000, 1e-3, 1.0, 10, 200);
    }

    /**
     * Tens of seconds: p = 23, 60% of the pairs for training, lr 2e-3 and weight decay 3 (six times the paper's
     * decay rate lr * weightDecay), 600 steps: memorisation and circuit formation fit, clean-up does not (test
     * accuracy stops near 90%); see the README section for the settings tried.
     */
    public static GrokkingConfig quick() {
        return new GrokkingConfig(23, 0.6, 600, 2e-3, 3.0, 10, 20);
    }
}
