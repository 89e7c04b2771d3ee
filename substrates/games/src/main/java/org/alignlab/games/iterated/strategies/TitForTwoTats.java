package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Tit for Two Tats (Axelrod 1984, The Evolution of Cooperation, ch. 2: the sample rule that would have won the first
 * tournament): defect only when the opponent defected on both of the last two moves.
 */
public final class TitForTwoTats implements Strategy {
    public String name() { return "Tit For Two Tats"; }
    public Classifier classifier() { return Classifier.deterministic(2); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        return t >= 2 && h.theirs(t - 1) == Action.D && h.theirs(t - 2) == Action.D ? Action.D : Action.C;
    }
    public Strategy fresh() { return new TitForTwoTats(); }
}
