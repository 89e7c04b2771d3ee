package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Morton Davis's entry, 8th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): cooperates on the first ten moves, then cooperates
 * until the opponent has defected once and defects ever after.
 */
public final class Davis implements Strategy {
    public String name() { return "Davis"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        return h.turns() < 10 || h.theirDefections() == 0 ? Action.C : Action.D;
    }
    public Strategy fresh() { return new Davis(); }
}
