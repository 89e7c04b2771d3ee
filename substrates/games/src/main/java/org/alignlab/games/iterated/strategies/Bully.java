package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Bully, or Reverse Tit for Tat (Nachbar 1992, "Evolution in the finitely repeated prisoner's dilemma", J. Economic
 * Behavior and Organization 19(3)): the mirror image of Tit for Tat, first move included: defects first, then plays
 * the opposite of the opponent's last move; its memory-one vector is (0, 1, 0, 1).
 */
public final class Bully implements Strategy {
    public String name() { return "Bully"; }
    public Classifier classifier() { return Classifier.deterministic(1); }
    public Action play(History h, SplittableRandom rng) { return h.turns() == 0 ? Action.D : h.theirLast().flip(); }
    public Strategy fresh() { return new Bully(); }
}
