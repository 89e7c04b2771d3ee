package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Prober 3 (the PRISON project of LIFL, Lille, 1998): opens D, C; if the opponent cooperated on move 2 (it did not
 * retaliate for the probe) defects for the rest of the match, otherwise plays Tit for Tat.
 */
public final class Prober3 implements Strategy {
    public String name() { return "Prober 3"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.D;
        if (t == 1) return Action.C;
        return h.theirs(1) == Action.C ? Action.D : h.theirLast();
    }
    public Strategy fresh() { return new Prober3(); }
}
