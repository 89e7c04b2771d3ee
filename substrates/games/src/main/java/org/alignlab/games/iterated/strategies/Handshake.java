package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * The secret handshake (Robson 1990, "Efficiency in evolutionary games: Darwin, Nash and the secret handshake",
 * J. Theoretical Biology 144(3)): opens C, D; cooperates for the rest of the match with an opponent that opened the
 * same way, and defects against any other.
 */
public final class Handshake implements Strategy {
    public String name() { return "Handshake"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.C;
        if (t == 1) return Action.D;
        return h.theirs(0) == Action.C && h.theirs(1) == Action.D ? Action.C : Action.D;
    }
    public Strategy fresh() { return new Handshake(); }
}
