package org.alignlab.games.iterated;

import java.util.SplittableRandom;

/**
 * A player of the iterated prisoner's dilemma. Each implementation is one small class whose javadoc cites its source.
 * A strategy may keep state between turns of one match; {@link #reset()} forgets it, and {@link #fresh()} makes a new,
 * independent instance with the same parameters. Randomness comes only from the {@code rng} handed to
 * {@link #play}; a strategy whose classifier says deterministic never touches it.
 */
public interface Strategy {
    /** The display name, e.g. "Tit For Tat". */
    String name();

    Classifier classifier();

    /** The intended move for turn {@code history.turns() + 1}. */
    Action play(History history, SplittableRandom rng);

    /** Forgets everything learnt in the current match. */
    default void reset() {}

    /** A new instance with the same parameters and no memory. */
    Strategy fresh();

    /** Draws C with probability {@code p}; draws nothing when p is 0 or 1. */
    static Action cooperateWith(double p, SplittableRandom rng) {
        if (p >= 1) return Action.C;
        if (p <= 0) return Action.D;
        return rng.nextDouble() < p ? Action.C : Action.D;
    }
}
