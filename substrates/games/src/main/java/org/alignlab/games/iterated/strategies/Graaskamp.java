package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Jim Graaskamp's entry, 9th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25): Tit for Tat for 50 moves, a defection on move 51,
 * Tit for Tat on moves 52–56; then, once, on move 57: if the opponent looks random (chi-squared test, p ≥ 0.05) it
 * defects for the rest of the game; if the opponent looks like Tit for Tat (each move copies this rule's previous one)
 * or like its own twin (the same moves as this rule) it plays Tit for Tat; otherwise it cooperates, defecting at
 * random every 5 to 15 moves. Choices: "every 5 to 15 moves" is a gap drawn uniformly from {5, …, 15} after each
 * such defection.
 */
public final class Graaskamp implements Strategy {
    private enum Mode { UNDECIDED, DEFECT, TIT_FOR_TAT, PROBE }

    private Mode mode = Mode.UNDECIDED;
    private int nextDefection;

    public String name() { return "Graaskamp"; }
    public Classifier classifier() { return Classifier.stochastic(Classifier.INFINITE); }

    public Action play(History h, SplittableRandom rng) {
        int move = h.turns() + 1;
        if (move == 1) return Action.C;
        if (move <= 50 || (move >= 52 && move <= 56)) return h.theirLast();
        if (move == 51) return Action.D;
        if (mode == Mode.UNDECIDED) {
            if (Randomness.looksRandom(h, 0.05)) {
                mode = Mode.DEFECT;
            } else if (copiesMe(h, 1) || copiesMe(h, 0)) {
                mode = Mode.TIT_FOR_TAT;
            } else {
                mode = Mode.PROBE;
                nextDefection = move + 5 + rng.nextInt(11);
            }
        }
        switch (mode) {
            case DEFECT: return Action.D;
            case TIT_FOR_TAT: return h.theirLast();
            default:
                if (move >= nextDefection) {
                    nextDefection = move + 5 + rng.nextInt(11);
                    return Action.D;
                }
                return Action.C;
        }
    }

    /** Whether the opponent's move k equals this rule's move k − lag for every turn so far. */
    private static boolean copiesMe(History h, int lag) {
        for (int k = lag; k < h.turns(); k++) if (h.theirs(k) != h.mine(k - lag)) return false;
        return true;
    }

    public void reset() {
        mode = Mode.UNDECIDED;
        nextDefection = 0;
    }

    public Strategy fresh() { return new Graaskamp(); }
}
