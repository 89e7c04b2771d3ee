package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Martin Shubik's entry, 5th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): Tit for Tat whose retaliation grows — the k-th time
 * the opponent defects while this rule is cooperating, it defects k times in a row (continuing while the opponent
 * keeps defecting).
 */
public final class Shubik implements Strategy {
    private int retaliations;
    private int remaining;

    public String name() { return "Shubik"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }

    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Action.C;
        if (h.theirLast() == Action.D && h.myLast() == Action.C) {
            retaliations++;
            remaining = retaliations - 1;
            return Action.D;
        }
        if (remaining > 0) {
            remaining--;
            return Action.D;
        }
        return h.theirLast();
    }

    public void reset() {
        retaliations = 0;
        remaining = 0;
    }

    public Strategy fresh() { return new Shubik(); }
}
