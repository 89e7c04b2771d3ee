package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/** Alternates C, D, C, D, … starting with C (a reference player of the Axelrod Python library, Knight et al. 2016). */
public final class Alternator implements Strategy {
    public String name() { return "Alternator"; }
    public Classifier classifier() { return Classifier.deterministic(1); }
    public Action play(History h, SplittableRandom rng) { return h.turns() == 0 ? Action.C : h.myLast().flip(); }
    public Strategy fresh() { return new Alternator(); }
}
