package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * T. Nicolaus Tideman and Paula Chieruzzi's entry, 2nd in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25). Tit for Tat, except that
 * each new run of the opponent's defections is answered by one more defection than the last (1, 2, 3, …), and the
 * opponent is given a "fresh start" — two cooperations, then all memory forgotten — when it is at least 10 points
 * behind, has just cooperated, at least 20 moves have passed since the last fresh start, at least 10 moves remain,
 * and its number of defections differs from a fair coin's n/2 by at least 3 standard deviations (√n/2).
 * Choices where the paper is silent: a "run" starts when the opponent defects while this rule is not retaliating;
 * with an unannounced match length no fresh start is given.
 */
public final class TidemanAndChieruzzi implements Strategy {
    private int runs;
    private int remaining;
    private int lastFreshStart = -1000;
    private boolean secondCooperation;

    public String name() { return "Tideman and Chieruzzi"; }
    public Classifier classifier() { return new Classifier(Classifier.INFINITE, false, true, true); }

    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.C;
        if (secondCooperation) {
            secondCooperation = false;
            return Action.C;
        }
        int move = t + 1;
        if (move - lastFreshStart >= 20 && h.myScore() - h.theirScore() >= 10 && h.knownLength() > 0
                && h.knownLength() - move >= 10 && h.theirLast() == Action.C
                && Math.abs(h.theirDefections() - t / 2.0) >= 3 * Math.sqrt(t) / 2) {
            lastFreshStart = move;
            runs = 0;
            remaining = 0;
            secondCooperation = true;
            return Action.C;
        }
        if (remaining > 0) {
            remaining--;
            return Action.D;
        }
        if (h.theirLast() == Action.D) {
            runs++;
            remaining = runs - 1;
            return Action.D;
        }
        return Action.C;
    }

    public void reset() {
        runs = 0;
        remaining = 0;
        lastFreshStart = -1000;
        secondCooperation = false;
    }

    public Strategy fresh() { return new TidemanAndChieruzzi(); }
}
