package org.alignlab.decision.grid;

/** Which reward an exported MDP carries: the one the agent observes, or the hidden safety performance. */
public enum RewardChannel {
    OBSERVED, HIDDEN
}
