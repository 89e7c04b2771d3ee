package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Tit for Tat, Anatol Rapoport's entry and the winner of Axelrod's first tournament (Axelrod 1980, "Effective Choice in
 * the Prisoner's Dilemma", J. Conflict Resolution 24(1)): cooperate on the first move, then copy the opponent's last move.
 */
public final class TitForTat implements Strategy {
    public String name() { return "Tit For Tat"; }
    public Classifier classifier() { return Classifier.deterministic(1); }
    public Action play(History h, SplittableRandom rng) { return h.turns() == 0 ? Action.C : h.theirLast(); }
    public Strategy fresh() { return new TitForTat(); }
}
