package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Hard Prober (the PRISON project of LIFL, Lille, 1998): opens D, D, C, C; if the opponent cooperated on moves 2 and 3
 * defects for the rest of the match, otherwise plays Tit for Tat.
 */
public final class HardProber implements Strategy {
    public String name() { return "Hard Prober"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t < 2) return Action.D;
        if (t < 4) return Action.C;
        return h.theirs(1) == Action.C && h.theirs(2) == Action.C ? Action.D : h.theirLast();
    }
    public Strategy fresh() { return new HardProber(); }
}
