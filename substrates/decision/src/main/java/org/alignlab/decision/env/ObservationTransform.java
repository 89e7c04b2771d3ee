package org.alignlab.decision.env;

import java.util.Objects;
import java.util.function.Function;

/**
 * Maps every observation with a function (as Gymnasium's {@code TransformObservation}), e.g. a gridworld board to a
 * state index for a tabular agent. The function must be pure (same input, equal output) so that determinism and
 * tabular keying carry over; {@code space} is the space of the mapped observations.
 *
 * @param <I> the wrapped environment's observation type
 * @param <O> the mapped observation type
 */
public final class ObservationTransform<I, O, A> implements Env<O, A> {
    private final Env<I, A> env;
    private final Space<O> space;
    private final Function<? super I, ? extends O> transform;

    public ObservationTransform(Env<I, A> env, Space<O> space, Function<? super I, ? extends O> transform) {
        this.env = Objects.requireNonNull(env, "env");
        this.space = Objects.requireNonNull(space, "space");
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    public Env<I, A> inner() {
        return env;
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Space<O> observationSpace() {
        return space;
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Reset<O> reset(long seed) {
        Reset<I> r = env.reset(seed);
        return new Reset<>(transform.apply(r.observation()), r.info());
    }

    @Override
    public Step<O> step(A action) {
        Step<I> s = env.step(action);
        return new Step<>(transform.apply(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
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
