package org.alignlab.decision.agents;

import java.util.SplittableRandom;

/**
 * SARSA, on-policy TD control (Rummery &amp; Niranjan 1994; Sutton &amp; Barto 2018, §6.4, eq. 6.7):
 * Q(S,A) ← Q(S,A) + α[R + γ Q(S',A') − Q(S,A)], where A' is chosen from S' by the behaviour policy before the
 * update (as in the book's box) and is the action {@link #act} then returns for S'. On a truncated step A' is drawn
 * only to bootstrap; the next episode starts afresh.
 */
public final class Sarsa<O> extends TabularLearner<O> {
    private O pendingObservation;
    private int pendingAction = -1;

    public Sarsa(int actions, Hyperparameters hyper, SplittableRandom rng) {
        super(actions, hyper, rng);
    }

    @Override
    public int act(O observation) {
        if (pendingAction >= 0 && observation.equals(pendingObservation)) {
            int a = pendingAction;
            clearPending();
            return a;
        }
        clearPending(); // the caller moved on (new episode without endEpisode): choose afresh
        return behaviour(observation);
    }

    @Override
    void learn(Transition<O> t) {
        clearPending();
        double next = 0;
        if (!t.terminated()) {
            int a2 = behaviour(t.next());
            next = table.value(t.next(), a2);
            if (!t.truncated()) {
                pendingObservation = t.next();
                pendingAction = a2;
            }
        }
        update(t.observation(), t.action(), t.reward() + hyper.discount() * next);
    }

    @Override
    public void endEpisode() {
        clearPending();
        super.endEpisode();
    }

    private void clearPending() {
        pendingObservation = null;
        pendingAction = -1;
    }
}
