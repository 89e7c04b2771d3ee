package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Scott Feld's entry, 11th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): always defects after the opponent's defection; after
 * its cooperation it cooperates with a probability that falls gradually to 1/2 by the 200th move. Choice: the fall is
 * linear, p = max(1/2, 1 − (t/200)/2) with t the number of moves played.
 */
public final class Feld implements Strategy {
    public String name() { return "Feld"; }
    public Classifier classifier() { return Classifier.stochastic(1); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.C;
        if (h.theirLast() == Action.D) return Action.D;
        return Strategy.cooperateWith(Math.max(0.5, 1 - 0.5 * t / 200.0), rng);
    }
    public Strategy fresh() { return new Feld(); }
}
