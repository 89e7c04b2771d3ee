package org.alignlab.decision.power;

import java.util.Locale;
import org.alignlab.core.UsageException;

/**
 * How far ahead the agent looks: a discount γ in (0, 1), or one of the two limits γ → 0 and γ → 1 that Turner et al.
 * 2021 study, each computed in closed form ({@link Power}) rather than by plugging in a γ near 0 or 1.
 */
public sealed interface Horizon {
    /** A discount rate γ strictly between 0 and 1. */
    record Discounted(double gamma) implements Horizon {
        public Discounted {
            if (!(gamma > 0 && gamma < 1)) {
                throw new UsageException(String.format(Locale.ROOT,
                        "the discount must lie strictly between 0 and 1 (got %s); use Horizon.myopic() or "
                                + "Horizon.farSighted() for the limits", gamma));
            }
        }
    }

    /** γ → 0: the agent compares the expected reward of the next state only. */
    record Myopic() implements Horizon {}

    /** γ → 1: the agent maximises average reward (gain), ties broken as γ → 1 does ({@link Power}). */
    record FarSighted() implements Horizon {}

    static Horizon discounted(double gamma) {
        return new Discounted(gamma);
    }

    static Horizon myopic() {
        return new Myopic();
    }

    static Horizon farSighted() {
        return new FarSighted();
    }
}
