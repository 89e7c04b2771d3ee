package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Anti Tit for Tat (Hilbe, Nowak and Traulsen 2013, "Adaptive dynamics of extortion and compliance", PLoS ONE 8(11)):
 * cooperates first, then plays the opposite of the opponent's last move (Bully with a cooperative opening).
 */
public final class AntiTitForTat implements Strategy {
    public String name() { return "Anti Tit For Tat"; }
    public Classifier classifier() { return Classifier.deterministic(1); }
    public Action play(History h, SplittableRandom rng) { return h.turns() == 0 ? Action.C : h.theirLast().flip(); }
    public Strategy fresh() { return new AntiTitForTat(); }
}
