package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Worse and Worse (the PRISON project of LIFL, Lille, 1998): on move n it cooperates with probability 1 − n/1000, so it
 * defects more and more as the match goes on.
 */
public final class WorseAndWorse implements Strategy {
    public String name() { return "Worse and Worse"; }
    public Classifier classifier() { return Classifier.stochastic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        return Strategy.cooperateWith(1 - (h.turns() + 1) / 1000.0, rng);
    }
    public Strategy fresh() { return new WorseAndWorse(); }
}
