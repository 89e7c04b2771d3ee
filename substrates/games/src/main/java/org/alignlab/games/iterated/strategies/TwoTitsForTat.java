package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Two Tits for Tat (Axelrod 1984, The Evolution of Cooperation): cooperates first, and answers each defection with
 * two defections, i.e. defects whenever the opponent defected on either of its last two moves.
 */
public final class TwoTitsForTat implements Strategy {
    public String name() { return "Two Tits For Tat"; }
    public Classifier classifier() { return Classifier.deterministic(2); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        return (t >= 1 && h.theirs(t - 1) == Action.D) || (t >= 2 && h.theirs(t - 2) == Action.D) ? Action.D : Action.C;
    }
    public Strategy fresh() { return new TwoTitsForTat(); }
}
