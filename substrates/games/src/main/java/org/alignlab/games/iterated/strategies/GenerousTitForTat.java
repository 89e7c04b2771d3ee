package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Generous Tit for Tat (Nowak and Sigmund 1992, "Tit for tat in heterogeneous populations", Nature 355): like Tit for
 * Tat, but after the opponent's defection it still cooperates with probability
 * q = min(1 − (T − R)/(R − S), (R − P)/(T − P)), 1/3 for Axelrod's payoffs.
 */
public final class GenerousTitForTat implements Strategy {
    public String name() { return "Generous Tit For Tat"; }
    public Classifier classifier() { return new Classifier(1, true, false, true); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0 || h.theirLast() == Action.C) return Action.C;
        return Strategy.cooperateWith(forgiveness(h.game()), rng);
    }
    /** Nowak and Sigmund 1992's generosity for the stage game. */
    public static double forgiveness(org.alignlab.games.iterated.StageGame g) {
        double t = g.temptation(), r = g.reward(), p = g.punishment(), s = g.sucker();
        return Math.max(0, Math.min(1 - (t - r) / (r - s), (r - p) / (t - p)));
    }
    public Strategy fresh() { return new GenerousTitForTat(); }
}
