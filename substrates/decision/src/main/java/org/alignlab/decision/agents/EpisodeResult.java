package org.alignlab.decision.agents;

/**
 * One episode run by {@link Trainer}: its index, the seed its environment was reset with, its length, the
 * undiscounted sum of observed rewards, the sum of hidden rewards the environment reported in {@code info} (NaN when
 * it reported none) and how it ended.
 */
public record EpisodeResult(int index, long seed, int steps, double totalReward, double hiddenReward,
                            boolean terminated, boolean truncated) {}
