package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Win-Stay, Lose-Shift, also called Pavlov (Nowak and Sigmund 1993, "A strategy of win-stay, lose-shift that
 * outperforms tit-for-tat in the Prisoner's Dilemma game", Nature 364): cooperate first; keep the last move after a
 * payoff of R or T, switch after P or S — equivalently, cooperate exactly when both players made the same move.
 */
public final class WinStayLoseShift implements Strategy {
    public String name() { return "Win-Stay Lose-Shift"; }
    public Classifier classifier() { return Classifier.deterministic(1); }
    public Action play(History h, SplittableRandom rng) {
        return h.turns() == 0 || h.myLast() == h.theirLast() ? Action.C : Action.D;
    }
    public Strategy fresh() { return new WinStayLoseShift(); }
}
