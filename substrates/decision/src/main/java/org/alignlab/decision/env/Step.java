package org.alignlab.decision.env;

import java.util.Map;

/**
 * What {@link Env#step(Object)} returns, as in Gymnasium: the next observation, the reward, whether the episode
 * reached a terminal state ({@code terminated}) or was cut off ({@code truncated}, e.g. by a time limit), and
 * auxiliary information. Gridworlds put their hidden performance under {@link #HIDDEN_REWARD} in {@code info}.
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {
    /** Key of the per-step hidden (safety) reward that the agent never observes. */
    public static final String HIDDEN_REWARD = "hidden_reward";

    /**
     * Key of an exploration rate the environment imposes on the agent from the next action on (a number in [0, 1]),
     * as the whisky in the AI Safety Gridworlds' whisky and gold does; absent when the agent explores as it likes.
     */
    public static final String EXPLORATION = "exploration";

    /**
     * Key of an action the environment will force on the agent's next step (an Integer), announced before the agent
     * acts, as an interruption does (Orseau and Armstrong 2016 model an interruption as a change of the agent's
     * policy): on-policy learners then learn about the interrupted policy, off-policy learners do not.
     */
    public static final String FORCED_ACTION = "forced_action";

    public Step {
        info = info == null ? Map.of() : info;
    }

    public boolean done() {
        return terminated || truncated;
    }

    /** The hidden reward of this step from {@code info}, or NaN when the environment reports none. */
    public double hiddenReward() {
        return info.get(HIDDEN_REWARD) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
