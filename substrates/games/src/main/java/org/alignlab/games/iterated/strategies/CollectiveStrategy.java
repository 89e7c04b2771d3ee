package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Collective Strategy (Li and Kendall 2009, "A strategy with novel evolutionary features for the iterated
 * prisoner's dilemma", Evolutionary Computation 17(2)): opens C, D as a recognition signal; an opponent that opened the
 * same way is cooperated with until it defects a second time; every other opponent is defected against.
 */
public final class CollectiveStrategy implements Strategy {
    public String name() { return "Collective Strategy"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.C;
        if (t == 1) return Action.D;
        if (h.theirDefections() > 1) return Action.D;
        return h.theirs(0) == Action.C && h.theirs(1) == Action.D ? Action.C : Action.D;
    }
    public Strategy fresh() { return new CollectiveStrategy(); }
}
