package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Remorseful Prober (Li, Hingston and Kendall 2011, "Engineering design of strategies for winning iterated prisoner's
 * dilemma competitions", IEEE Trans. Comput. Intell. AI in Games 3(4)): Naive Prober that remembers whether its last
 * move was a probe; when the opponent defected on that same move, it cooperates once (remorse) instead of retaliating.
 */
public final class RemorsefulProber implements Strategy {
    private static final double PROBE = 0.1;
    private boolean probing;

    public String name() { return "Remorseful Prober"; }
    public Classifier classifier() { return Classifier.stochastic(2); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Action.C;
        if (h.theirLast() == Action.D) {
            if (probing) {
                probing = false;
                return Action.C;
            }
            return Action.D;
        }
        Action a = Strategy.cooperateWith(1 - PROBE, rng);
        probing = a == Action.D;
        return a;
    }
    public void reset() { probing = false; }
    public Strategy fresh() { return new RemorsefulProber(); }
}
