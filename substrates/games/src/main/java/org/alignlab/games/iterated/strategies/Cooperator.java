package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/** Always cooperates (ALL C; Axelrod 1984, The Evolution of Cooperation). */
public final class Cooperator implements Strategy {
    public String name() { return "Cooperator"; }
    public Classifier classifier() { return Classifier.deterministic(0); }
    public Action play(History h, SplittableRandom rng) { return Action.C; }
    public Strategy fresh() { return new Cooperator(); }
}
