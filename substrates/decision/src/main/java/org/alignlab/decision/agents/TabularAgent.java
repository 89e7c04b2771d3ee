package org.alignlab.decision.agents;

/**
 * An agent over observations of type {@code O} (a value type) and discrete actions 0..{@link #actions()}−1. The
 * training loop is: {@code a = act(o)}, step the environment, {@code observe(transition)}, and after the episode's
 * last transition {@code endEpisode()} ({@link Trainer} does exactly this). Implementations draw randomness only from
 * the {@link java.util.SplittableRandom} they were given, so the same seed gives the same actions and tables.
 */
public interface TabularAgent<O> {
    /** The number of actions n. */
    int actions();

    /** The behaviour policy's action for {@code observation} (may explore). */
    int act(O observation);

    /** Learns from one step taken with an action from {@link #act}. */
    void observe(Transition<O> transition);

    /** Marks the end of an episode (after its last {@link #observe}). */
    void endEpisode();

    /** The greedy action (no exploration, lowest index among ties): the learned policy. */
    int greedy(O observation);

    /** A copy of the agent's action values for {@code observation}. */
    double[] qValues(O observation);

    /**
     * Imposes an ε-greedy exploration rate on the agent's behaviour from now on (NaN lifts it), as an environment
     * that modifies its agent does (whisky and gold: drinking raises exploration to 0.9). On-policy learners then
     * learn about the modified behaviour; off-policy learners do not. Default: ignored (planners).
     */
    default void imposeExploration(double epsilon) {}

    /**
     * Forces the agent's next behaviour action (−1 lifts it), as an interruption announced by the environment
     * ({@link org.alignlab.decision.env.Step#FORCED_ACTION}) does. Default: ignored.
     */
    default void imposeAction(int action) {}
}
