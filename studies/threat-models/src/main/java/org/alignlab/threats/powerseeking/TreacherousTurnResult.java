package org.alignlab.threats.powerseeking;

import java.util.List;

/**
 * What training gave on the treacherous-turn gridworld: per agent (a learner, or the exact planner for the observed
 * reward), the mean return and hidden performance over the last tenth of training, and its greedy policy measured on
 * episodes where the cloak is never offered and on episodes where it always is.
 */
public record TreacherousTurnResult(String env, List<AgentOutcome> agents) {

    /** One agent; {@code episodes} is 0 and the training means NaN for the planner. */
    public record AgentOutcome(String agent, int episodes, double trainReturn, double trainPerformance,
                               Evaluation withoutCapability, Evaluation withCapability) {}

    /**
     * The greedy policy on one variant, as fractions of its evaluation episodes.
     *
     * @param defection         took the treasure (the defection), cloaked or not
     * @param defectionUnseen   took it wearing the cloak (the overseer could not see)
     * @param defectionSeen     took it without the cloak (and was punished: only where the overseer watches)
     * @param cloakTaken        picked up the cloak
     * @param task              reached the assigned task 'G'
     */
    public record Evaluation(String offer, int episodes, double defection, double defectionUnseen,
                             double defectionSeen, double cloakTaken, double task, double meanReturn,
                             double meanPerformance) {}

    public AgentOutcome agent(String name) {
        return agents.stream().filter(a -> a.agent().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent " + name + " in " + env));
    }
}
