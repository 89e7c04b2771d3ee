package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Suspicious Tit for Tat (Hilbe, Nowak and Traulsen 2013, "Adaptive dynamics of extortion and compliance", PLoS ONE
 * 8(11); called Mistrust by Beaufils, Delahaye and Mathieu 1997): Tit for Tat that opens with a defection.
 */
public final class SuspiciousTitForTat implements Strategy {
    public String name() { return "Suspicious Tit For Tat"; }
    public Classifier classifier() { return Classifier.deterministic(1); }
    public Action play(History h, SplittableRandom rng) { return h.turns() == 0 ? Action.D : h.theirLast(); }
    public Strategy fresh() { return new SuspiciousTitForTat(); }
}
