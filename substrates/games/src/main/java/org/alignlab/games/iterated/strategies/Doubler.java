package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Doubler (the PRISON project of LIFL, Lille, 1998): cooperates, except that it answers a defection with a defection
 * when the opponent has cooperated at most twice as often as it has defected.
 */
public final class Doubler implements Strategy {
    public String name() { return "Doubler"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Action.C;
        return h.theirLast() == Action.D && h.theirCooperations() <= 2 * h.theirDefections() ? Action.D : Action.C;
    }
    public Strategy fresh() { return new Doubler(); }
}
