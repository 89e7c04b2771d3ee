package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Grudger, James W. Friedman's entry in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's
 * Dilemma"; 7th place): cooperate until the opponent defects once, then defect for the rest of the match.
 */
public final class Grudger implements Strategy {
    public String name() { return "Grudger"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) { return h.theirDefections() > 0 ? Action.D : Action.C; }
    public Strategy fresh() { return new Grudger(); }
}
