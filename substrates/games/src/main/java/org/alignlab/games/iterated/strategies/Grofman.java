package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Bernard Grofman's entry, 4th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): if the players made different moves last time it
 * cooperates with probability 2/7, otherwise it cooperates. It opens with cooperation.
 */
public final class Grofman implements Strategy {
    public String name() { return "Grofman"; }
    public Classifier classifier() { return Classifier.stochastic(1); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0 || h.myLast() == h.theirLast()) return Action.C;
        return Strategy.cooperateWith(2.0 / 7, rng);
    }
    public Strategy fresh() { return new Grofman(); }
}
