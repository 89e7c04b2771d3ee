package org.alignlab.decision.env;

import java.util.Objects;

/**
 * Base of the wrappers that keep the observation and action types (as Gymnasium's {@code Wrapper}): every method
 * passes through to the wrapped environment until a subclass overrides it. {@link ObservationTransform}, which
 * changes the observation type, implements {@link Env} directly.
 */
public abstract class Wrapper<O, A> implements Env<O, A> {
    protected final Env<O, A> env;

    protected Wrapper(Env<O, A> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The environment directly inside this wrapper. */
    public Env<O, A> inner() {
        return env;
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Reset<O> reset(long seed) {
        return env.reset(seed);
    }

    @Override
    public Step<O> step(A action) {
        return env.step(action);
    }

    @Override
    public Env<?, ?> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }
}
