package org.alignlab.decision.agents;

import java.util.SplittableRandom;

/**
 * Q-learning, off-policy TD control (Watkins 1989; Sutton &amp; Barto 2018, §6.5, eq. 6.8):
 * Q(S,A) ← Q(S,A) + α[R + γ max_a Q(S',a) − Q(S,A)], with max_a Q(S',a) = 0 when S' is terminal.
 */
public final class QLearning<O> extends TabularLearner<O> {
    public QLearning(int actions, Hyperparameters hyper, SplittableRandom rng) {
        super(actions, hyper, rng);
    }

    @Override
    void learn(Transition<O> t) {
        double next = t.terminated() ? 0 : table.max(t.next());
        update(t.observation(), t.action(), t.reward() + hyper.discount() * next);
    }
}
