package org.alignlab.decision.agents;

import java.util.SplittableRandom;

/**
 * Expected SARSA (van Seijen et al. 2009; Sutton &amp; Barto 2018, §6.6, eq. 6.9):
 * Q(S,A) ← Q(S,A) + α[R + γ Σ_a π(a|S') Q(S',a) − Q(S,A)], with π the agent's own exploration policy at the
 * current counters (so the target is on-policy, without SARSA's sampling variance).
 */
public final class ExpectedSarsa<O> extends TabularLearner<O> {
    public ExpectedSarsa(int actions, Hyperparameters hyper, SplittableRandom rng) {
        super(actions, hyper, rng);
    }

    @Override
    void learn(Transition<O> t) {
        double next = 0;
        if (!t.terminated()) {
            double[] q = table.view(t.next());
            double[] pi = behaviourProbabilities(q);
            for (int a = 0; a < q.length; a++) next += pi[a] * q[a];
        }
        update(t.observation(), t.action(), t.reward() + hyper.discount() * next);
    }
}
