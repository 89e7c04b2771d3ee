package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * William Stein and Amnon Rapoport's entry, 6th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): cooperates on the first four
 * moves, defects on the last two, and otherwise plays Tit for Tat — except that every 15 moves it applies a
 * chi-squared test to the opponent's cooperations and defections so far, and while the opponent looks random
 * (p ≥ 0.05) it defects. Choices: the test runs on moves 15, 30, 45, …; with an unannounced length the end-game
 * defection is skipped.
 */
public final class SteinAndRapoport implements Strategy {
    private boolean opponentRandom;

    public String name() { return "Stein and Rapoport"; }
    public Classifier classifier() { return new Classifier(Classifier.INFINITE, false, true, false); }

    public Action play(History h, SplittableRandom rng) {
        int move = h.turns() + 1;
        if (move <= 4) return Action.C;
        if (h.knownLength() > 0 && move > h.knownLength() - 2) return Action.D;
        if (move % 15 == 0) opponentRandom = Randomness.looksRandom(h, 0.05);
        return opponentRandom ? Action.D : h.theirLast();
    }

    public void reset() { opponentRandom = false; }

    public Strategy fresh() { return new SteinAndRapoport(); }
}
