package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/** Always defects (ALL D; Axelrod 1984, The Evolution of Cooperation). */
public final class Defector implements Strategy {
    public String name() { return "Defector"; }
    public Classifier classifier() { return Classifier.deterministic(0); }
    public Action play(History h, SplittableRandom rng) { return Action.D; }
    public Strategy fresh() { return new Defector(); }
}
