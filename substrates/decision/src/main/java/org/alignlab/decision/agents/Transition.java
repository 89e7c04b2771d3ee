package org.alignlab.decision.agents;

import java.util.Objects;
import org.alignlab.decision.env.Step;

/**
 * One step an agent learns from: (S, A, R, S') and how the episode continued. {@code terminated} means S' is
 * terminal (its value is 0); {@code truncated} means the episode was cut off at S' (e.g. by a time limit), which is
 * not a property of S', so learners still bootstrap from S' (Pardo et al. 2018, "Time Limits in Reinforcement
 * Learning").
 */
public record Transition<O>(O observation, int action, double reward, O next, boolean terminated, boolean truncated) {
    public Transition {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(next, "next");
    }

    public static <O> Transition<O> of(O observation, int action, Step<O> step) {
        return new Transition<>(observation, action, step.reward(), step.observation(), step.terminated(),
                step.truncated());
    }

    public boolean done() {
        return terminated || truncated;
    }
}
