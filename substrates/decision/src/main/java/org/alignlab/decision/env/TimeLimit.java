package org.alignlab.decision.env;

/**
 * Truncates an episode after a fixed number of steps, as Gymnasium's {@code TimeLimit}: the step that brings the
 * count to the limit returns {@code truncated = true} (even when it also terminates). It also enforces the episode
 * protocol itself (no step before reset, none after the episode ended), whatever the wrapped environment does.
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {
    private final int maxSteps;
    private int elapsed;
    private boolean started;
    private boolean finished;

    /** @throws EnvException when {@code maxSteps < 1} */
    public TimeLimit(Env<O, A> env, int maxSteps) {
        super(env);
        if (maxSteps < 1) throw new EnvException("a time limit needs at least one step (got " + maxSteps + ")");
        this.maxSteps = maxSteps;
    }

    public int maxSteps() {
        return maxSteps;
    }

    /** Steps taken in the current episode. */
    public int elapsedSteps() {
        return elapsed;
    }

    /** The wrapped environment's spec with this limit as its {@code maxEpisodeSteps}. */
    @Override
    public EnvSpec spec() {
        EnvSpec inner = env.spec();
        return inner.maxEpisodeSteps() == maxSteps ? inner
                : new EnvSpec(inner.id(), maxSteps, inner.rewardThreshold());
    }

    @Override
    public Reset<O> reset(long seed) {
        Reset<O> r = env.reset(seed);
        elapsed = 0;
        started = true;
        finished = false;
        return r;
    }

    @Override
    public Step<O> step(A action) {
        if (!started) throw EnvException.notReset(spec());
        if (finished) throw EnvException.finished(spec());
        Step<O> s = env.step(action);
        elapsed++;
        if (elapsed >= maxSteps && !s.truncated()) {
            s = new Step<>(s.observation(), s.reward(), s.terminated(), true, s.info());
        }
        finished = s.done();
        return s;
    }
}
