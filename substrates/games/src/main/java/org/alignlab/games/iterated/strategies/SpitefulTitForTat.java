package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Spiteful Tit for Tat (the PRISON project of LIFL, Lille, 1998, as catalogued by the Axelrod library): Tit for Tat
 * until the opponent defects twice in a row, then defects for the rest of the match.
 */
public final class SpitefulTitForTat implements Strategy {
    private boolean spiteful;

    public String name() { return "Spiteful Tit For Tat"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.C;
        if (t >= 2 && h.theirs(t - 1) == Action.D && h.theirs(t - 2) == Action.D) spiteful = true;
        return spiteful ? Action.D : h.theirLast();
    }
    public void reset() { spiteful = false; }
    public Strategy fresh() { return new SpitefulTitForTat(); }
}
