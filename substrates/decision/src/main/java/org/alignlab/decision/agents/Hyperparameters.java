package org.alignlab.decision.agents;

import java.util.Objects;
import org.alignlab.core.UsageException;

/**
 * What a tabular learner needs besides its action count and random stream: the discount γ, the step size α, the
 * exploration rule and the value every unseen Q(s, a) starts at.
 */
public record Hyperparameters(double discount, LearningRate learningRate, Exploration exploration,
                              double initialValue) {
    public Hyperparameters {
        if (!(discount >= 0 && discount <= 1)) {
            throw new UsageException("discount must be in [0, 1] (got " + discount + ")");
        }
        Objects.requireNonNull(learningRate, "learningRate");
        Objects.requireNonNull(exploration, "exploration");
        if (!Double.isFinite(initialValue)) throw new UsageException("initial Q value must be finite (got "
                + initialValue + ")");
    }

    /** With initial values 0. */
    public static Hyperparameters of(double discount, LearningRate learningRate, Exploration exploration) {
        return new Hyperparameters(discount, learningRate, exploration, 0.0);
    }

    public Hyperparameters withInitialValue(double value) {
        return new Hyperparameters(discount, learningRate, exploration, value);
    }
}
