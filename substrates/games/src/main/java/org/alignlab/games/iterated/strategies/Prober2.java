package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Prober 2 (the PRISON project of LIFL, Lille, 1998): opens D, C, C; if the opponent answered with D then C on moves 2
 * and 3 (it retaliated once and forgave) cooperates for the rest of the match, otherwise plays Tit for Tat.
 */
public final class Prober2 implements Strategy {
    public String name() { return "Prober 2"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.D;
        if (t < 3) return Action.C;
        return h.theirs(1) == Action.D && h.theirs(2) == Action.C ? Action.C : h.theirLast();
    }
    public Strategy fresh() { return new Prober2(); }
}
