package org.alignlab.decision.env;

/**
 * A Gymnasium-style environment: {@link #reset(long)} starts an episode from a seed, {@link #step(Object)} advances
 * it. After a step that returned {@code terminated} or {@code truncated}, the next call must be a reset; stepping a
 * finished episode throws {@link EnvException}.
 *
 * @param <O> observation type; a value type (equals/hashCode by content) so tabular agents can key on it
 * @param <A> action type
 */
public interface Env<O, A> extends AutoCloseable {
    /** The registered spec, or an ad-hoc one for unregistered environments. */
    EnvSpec spec();

    Space<O> observationSpace();

    Space<A> actionSpace();

    /** Starts an episode; the same seed gives the same episode for the same actions. */
    Reset<O> reset(long seed);

    /**
     * Advances one step.
     *
     * @throws EnvException when the action is outside the action space or the episode has finished
     */
    Step<O> step(A action);

    /**
     * The innermost environment under any wrappers (as Gymnasium's {@code env.unwrapped}): for rendering or
     * inspecting the engine's state, never for stepping around the wrappers.
     */
    default Env<?, ?> unwrapped() {
        return this;
    }

    @Override
    default void close() {}
}
