package org.alignlab.decision.power;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.alignlab.core.UsageException;

/**
 * A distribution D over state-based reward functions R: S → ℝ (Turner et al. 2021: POWER is an expectation over such
 * a distribution). {@link #sample} draws one reward vector from the given stream; it must use no other
 * randomness, so that a sample is fixed by its stream.
 */
@FunctionalInterface
public interface RewardSampler {
    /** One reward vector R(0..states−1) drawn with {@code rng}. */
    double[] sample(int states, SplittableRandom rng);

    /** R(s) IID uniform on [0, 1]: the distribution of Turner's worked examples. */
    static RewardSampler iidUniform() {
        return iidInverseCdf(u -> u);
    }

    /**
     * R(s) IID with the distribution whose quantile function (inverse CDF) is {@code quantile}: R(s) = F⁻¹(U), U
     * uniform on [0, 1) (inverse-transform sampling). E.g. CDF F(x) = x² on [0, 1] is {@code u -> Math.sqrt(u)}.
     */
    static RewardSampler iidInverseCdf(DoubleUnaryOperator quantile) {
        if (quantile == null) throw new UsageException("the quantile function must not be null");
        return (states, rng) -> {
            double[] r = new double[states];
            for (int s = 0; s < states; s++) r[s] = quantile.applyAsDouble(rng.nextDouble());
            return r;
        };
    }
}
