package org.alignlab.threats.powerseeking;

import org.alignlab.core.Param;

/** Settings of the POWER reproductions: how many reward functions each estimate draws, and on how many threads. */
public record PowerConfig(
        @Param(value = "reward functions R ~ D drawn for each Monte Carlo estimate", min = 100, max = 10_000_000)
        int samples,
        @Param(value = "worker threads per estimate (the numbers do not depend on it)", min = 1, max = 256)
        int threads) {

    /** Seconds: 20,000 reward functions per estimate (standard error at most 0.0036 for a probability). */
    public static PowerConfig quick() {
        return new PowerConfig(20_000, 2);
    }

    /** 400,000 reward functions per estimate (standard error at most 0.0008). */
    public static PowerConfig paper() {
        return new PowerConfig(400_000, 4);
    }
}
