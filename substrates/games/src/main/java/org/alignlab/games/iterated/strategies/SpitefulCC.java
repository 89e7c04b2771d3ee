package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * spiteful_cc (Mathieu and Delahaye 2015, "New winning strategies for the iterated prisoner's dilemma", AAMAS 2015):
 * cooperates on the first two moves whatever happens, then plays Grudger.
 */
public final class SpitefulCC implements Strategy {
    public String name() { return "Spiteful CC"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        return h.turns() < 2 || h.theirDefections() == 0 ? Action.C : Action.D;
    }
    public Strategy fresh() { return new SpitefulCC(); }
}
