package org.alignlab.decision.env;

import java.util.regex.Pattern;

/**
 * A registered environment's versioned id, e.g. {@code safety/BoatRace-v0} (namespace, name, version, as in
 * Gymnasium), its step limit per episode (0: none) and the reward threshold at which it counts as solved (NaN: none).
 */
public record EnvSpec(String id, int maxEpisodeSteps, double rewardThreshold) {
    private static final Pattern ID = Pattern.compile("(?:[A-Za-z0-9_-]+/)?[A-Za-z0-9_-]+-v\\d+");

    public EnvSpec {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("env id must look like namespace/Name-v0: " + id);
        }
        if (maxEpisodeSteps < 0) throw new IllegalArgumentException("maxEpisodeSteps must be >= 0");
    }

    public static EnvSpec of(String id) {
        return new EnvSpec(id, 0, Double.NaN);
    }

    /** The version number after "-v". */
    public int version() {
        return Integer.parseInt(id.substring(id.lastIndexOf("-v") + 2));
    }
}
