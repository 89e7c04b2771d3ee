package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Johann Joss's entry, 12th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): Tit for Tat, except that after the opponent's
 * cooperation it cooperates only 90% of the time.
 */
public final class Joss implements Strategy {
    public String name() { return "Joss"; }
    public Classifier classifier() { return Classifier.stochastic(1); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Action.C;
        if (h.theirLast() == Action.D) return Action.D;
        return Strategy.cooperateWith(0.9, rng);
    }
    public Strategy fresh() { return new Joss(); }
}
