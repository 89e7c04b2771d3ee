package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Negation (the 2017 prisoners-dilemma.com competition, as catalogued by the Axelrod library): opens at random (C with
 * probability 1/2), then plays the opposite of the opponent's last move.
 */
public final class Negation implements Strategy {
    public String name() { return "Negation"; }
    public Classifier classifier() { return Classifier.stochastic(1); }
    public Action play(History h, SplittableRandom rng) {
        return h.turns() == 0 ? Strategy.cooperateWith(0.5, rng) : h.theirLast().flip();
    }
    public Strategy fresh() { return new Negation(); }
}
