package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Slow Tit for Tat (the PRISON project of LIFL, Lille, 1998; "Slow Tit For Two Tats 2" in the Axelrod library):
 * cooperates twice, then copies the opponent's move when it played the same move twice in a row and otherwise repeats
 * its own last move.
 */
public final class SlowTitForTwoTats implements Strategy {
    public String name() { return "Slow Tit For Two Tats"; }
    public Classifier classifier() { return Classifier.deterministic(2); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t < 2) return Action.C;
        return h.theirs(t - 2) == h.theirs(t - 1) ? h.theirLast() : h.myLast();
    }
    public Strategy fresh() { return new SlowTitForTwoTats(); }
}
