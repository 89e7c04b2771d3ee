package org.alignlab.decision.agents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * On-policy Monte-Carlo control with an ε-soft (or any) exploration policy (Sutton &amp; Barto 2018, §5.4): when an
 * episode ends, the return G_t = R_{t+1} + γ G_{t+1} of each step is computed backwards and
 * Q(S_t, A_t) ← Q(S_t, A_t) + α (G_t − Q(S_t, A_t)), for every visit of a pair or only its first visit in the
 * episode. With {@link LearningRate#sampleAverage()} this averages the returns, as in the book's box. A truncated
 * episode's returns stop at the cut (no bootstrapping: Monte-Carlo methods do not bootstrap).
 */
public final class MonteCarloControl<O> extends TabularLearner<O> {
    private final boolean firstVisit;
    private final List<Transition<O>> episode = new ArrayList<>();

    public MonteCarloControl(int actions, Hyperparameters hyper, SplittableRandom rng, boolean firstVisit) {
        super(actions, hyper, rng);
        this.firstVisit = firstVisit;
    }

    public boolean firstVisit() {
        return firstVisit;
    }

    @Override
    void learn(Transition<O> t) {
        episode.add(t);
        if (t.done()) flush();
    }

    /** Also updates from an episode the caller ended without a terminal or truncated transition. */
    @Override
    public void endEpisode() {
        flush();
        super.endEpisode();
    }

    private void flush() {
        if (episode.isEmpty()) return;
        int n = episode.size();
        boolean[] counts = new boolean[n];
        if (firstVisit) {
            Map<O, boolean[]> seen = new HashMap<>(); // lookups only; never iterated
            for (int t = 0; t < n; t++) {
                Transition<O> x = episode.get(t);
                boolean[] s = seen.computeIfAbsent(x.observation(), k -> new boolean[actions()]);
                counts[t] = !s[x.action()];
                s[x.action()] = true;
            }
        } else {
            java.util.Arrays.fill(counts, true);
        }
        double g = 0;
        double gamma = hyper.discount();
        for (int t = n - 1; t >= 0; t--) {
            Transition<O> x = episode.get(t);
            g = x.reward() + gamma * g;
            if (counts[t]) update(x.observation(), x.action(), g);
        }
        episode.clear();
    }
}
