package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Win-Shift Lose-Stay, or Reverse Pavlov (Li, Hingston and Kendall 2011, "Engineering design of strategies for winning
 * iterated prisoner's dilemma competitions", IEEE Trans. Comput. Intell. AI in Games 3(4)): opens with a defection, then
 * changes its move after a win (the opponent cooperated: payoff R or T) and keeps it after a loss (S or P); memory-one
 * vector (0, 1, 1, 0).
 */
public final class WinShiftLoseStay implements Strategy {
    public String name() { return "Win-Shift Lose-Stay"; }
    public Classifier classifier() { return Classifier.deterministic(1); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Action.D;
        return h.theirLast() == Action.C ? h.myLast().flip() : h.myLast();
    }
    public Strategy fresh() { return new WinShiftLoseStay(); }
}
