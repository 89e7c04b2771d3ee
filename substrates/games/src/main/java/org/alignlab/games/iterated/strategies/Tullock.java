package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Gordon Tullock's entry, 13th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): cooperates on the first eleven moves, then
 * cooperates at random 10 percentage points less often than the opponent cooperated on the preceding ten moves.
 */
public final class Tullock implements Strategy {
    public String name() { return "Tullock"; }
    public Classifier classifier() { return Classifier.stochastic(10); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t < 11) return Action.C;
        int c = 0;
        for (int k = t - 10; k < t; k++) if (h.theirs(k) == Action.C) c++;
        return Strategy.cooperateWith(Math.max(0, c / 10.0 - 0.1), rng);
    }
    public Strategy fresh() { return new Tullock(); }
}
