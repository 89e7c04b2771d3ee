package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Hard Tit for Tat (the 2017 prisoners-dilemma.com competition, as catalogued by the Axelrod library, Knight et al.
 * 2016): cooperates first, then defects whenever the opponent defected on any of its last three moves.
 */
public final class HardTitForTat implements Strategy {
    public String name() { return "Hard Tit For Tat"; }
    public Classifier classifier() { return Classifier.deterministic(3); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        for (int k = Math.max(0, t - 3); k < t; k++) if (h.theirs(k) == Action.D) return Action.D;
        return Action.C;
    }
    public Strategy fresh() { return new HardTitForTat(); }
}
