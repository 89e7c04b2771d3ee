package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Hard Tit for Two Tats (Stewart and Plotkin 2012, "Extortion and cooperation in the Prisoner's Dilemma", PNAS
 * 109(26)): cooperates first, then defects whenever two consecutive defections appear among the opponent's last three
 * moves.
 */
public final class HardTitForTwoTats implements Strategy {
    public String name() { return "Hard Tit For Two Tats"; }
    public Classifier classifier() { return Classifier.deterministic(3); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        for (int k = Math.max(1, t - 2); k < t; k++) {
            if (h.theirs(k - 1) == Action.D && h.theirs(k) == Action.D) return Action.D;
        }
        return Action.C;
    }
    public Strategy fresh() { return new HardTitForTwoTats(); }
}
