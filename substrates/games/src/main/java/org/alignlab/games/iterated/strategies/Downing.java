package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Leslie Downing's entry, 10th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25), after Downing's outcome-maximising principle: it
 * estimates the opponent's chance of cooperating after this rule's cooperation, g = P(C | C), and after its
 * defection, b = P(C | D) (each the observed frequency of the opponent's move following this rule's previous move,
 * 1/2 before there is data, as the paper says the rule initially assumed), then plays the policy with the best
 * expected payoff per move among always cooperate (Rg + S(1 − g)), always defect (Tb + P(1 − b)) and alternating (the
 * mean of the two cross terms Rb + S(1 − b) and Tg + P(1 − g)), ties going to cooperation, then alternation. With the
 * initial 1/2 the rule defects on its first two moves, as the published entry did.
 */
public final class Downing implements Strategy {
    private int afterC;
    private int coopAfterC;
    private int afterD;
    private int coopAfterD;

    public String name() { return "Downing"; }
    public Classifier classifier() { return new Classifier(Classifier.INFINITE, false, false, true); }

    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t >= 2) { // the opponent's move t-1 answers this rule's move t-2
            boolean theyC = h.theirs(t - 1) == Action.C;
            if (h.mine(t - 2) == Action.C) {
                afterC++;
                if (theyC) coopAfterC++;
            } else {
                afterD++;
                if (theyC) coopAfterD++;
            }
        }
        double g = afterC == 0 ? 0.5 : (double) coopAfterC / afterC;
        double b = afterD == 0 ? 0.5 : (double) coopAfterD / afterD;
        var game = h.game();
        double r = game.reward(), s = game.sucker(), tt = game.temptation(), p = game.punishment();
        double cooperate = r * g + s * (1 - g);
        double defect = tt * b + p * (1 - b);
        double alternate = (r * b + s * (1 - b) + tt * g + p * (1 - g)) / 2;
        if (cooperate >= defect && cooperate >= alternate) return Action.C;
        if (alternate >= defect) return t == 0 ? Action.C : h.myLast().flip();
        return Action.D;
    }

    public void reset() {
        afterC = 0;
        coopAfterC = 0;
        afterD = 0;
        coopAfterD = 0;
    }

    public Strategy fresh() { return new Downing(); }
}
