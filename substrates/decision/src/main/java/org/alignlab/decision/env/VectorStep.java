package org.alignlab.decision.env;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One lockstep {@link VectorEnv#step(List)} of all copies. Entry i belongs to copy i. When copy i's episode ended on
 * this step ({@code terminated[i] || truncated[i]}) it has already been reset: {@code observations.get(i)} is the
 * first observation of its next episode and {@code finalObservations.get(i)} the last observation of the finished
 * one (null for copies that did not finish), as in Gymnasium's same-step auto-reset. {@code infos.get(i)} is the
 * step's info (for a finished copy, the info of its final step). The arrays are fresh for every step; equality
 * compares them by content.
 */
public record VectorStep<O>(List<O> observations, double[] rewards, boolean[] terminated, boolean[] truncated,
                            List<Map<String, Object>> infos, List<O> finalObservations) {
    public int size() {
        return rewards.length;
    }

    public boolean done(int i) {
        return terminated[i] || truncated[i];
    }

    /** What a learner should treat as copy i's next observation: the final one when the episode just ended. */
    public O nextObservation(int i) {
        return done(i) ? finalObservations.get(i) : observations.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorStep<?> v && observations.equals(v.observations)
                && Arrays.equals(rewards, v.rewards) && Arrays.equals(terminated, v.terminated)
                && Arrays.equals(truncated, v.truncated) && infos.equals(v.infos)
                && finalObservations.equals(v.finalObservations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observations, Arrays.hashCode(rewards), Arrays.hashCode(terminated),
                Arrays.hashCode(truncated), infos, finalObservations);
    }

    @Override
    public String toString() {
        return "VectorStep[observations=" + observations + ", rewards=" + Arrays.toString(rewards) + ", terminated="
                + Arrays.toString(terminated) + ", truncated=" + Arrays.toString(truncated) + "]";
    }
}
