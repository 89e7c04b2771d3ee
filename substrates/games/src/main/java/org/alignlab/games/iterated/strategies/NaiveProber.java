package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Naive Prober (Li, Hingston and Kendall 2011, "Engineering design of strategies for winning iterated prisoner's
 * dilemma competitions", IEEE Trans. Comput. Intell. AI in Games 3(4)): Tit for Tat, except that after the opponent's
 * cooperation it defects with probability 1/10 to probe.
 */
public final class NaiveProber implements Strategy {
    private static final double PROBE = 0.1;

    public String name() { return "Naive Prober"; }
    public Classifier classifier() { return Classifier.stochastic(1); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Action.C;
        if (h.theirLast() == Action.D) return Action.D;
        return Strategy.cooperateWith(1 - PROBE, rng);
    }
    public Strategy fresh() { return new NaiveProber(); }
}
