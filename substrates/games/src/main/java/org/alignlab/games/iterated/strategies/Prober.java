package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Prober (Li, Hingston and Kendall 2011, "Engineering design of strategies for winning iterated prisoner's dilemma
 * competitions", IEEE Trans. Comput. Intell. AI in Games 3(4)): opens D, C, C; if the opponent cooperated on moves 2 and
 * 3 (it did not retaliate for the probe) defects for the rest of the match, otherwise plays Tit for Tat.
 */
public final class Prober implements Strategy {
    public String name() { return "Prober"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.D;
        if (t < 3) return Action.C;
        return h.theirs(1) == Action.C && h.theirs(2) == Action.C ? Action.D : h.theirLast();
    }
    public Strategy fresh() { return new Prober(); }
}
