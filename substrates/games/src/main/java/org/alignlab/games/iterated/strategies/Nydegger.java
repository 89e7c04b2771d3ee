package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Rudy Nydegger's entry, 3rd in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25). Tit for Tat for the first three moves, except that
 * when it alone cooperated on move 1 and alone defected on move 2 it defects on move 3. Afterwards let
 * A = 16a₁ + 4a₂ + a₃ over the three preceding outcomes, where an outcome scores 1 for its own defection plus 2 for the
 * opponent's; it defects exactly when A ∈ {1, 6, 7, 17, 22, 23, 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61}.
 * The paper gives the weights "in chronological order"; we read a₁ as the most recent outcome, as the Axelrod Python
 * library also does.
 */
public final class Nydegger implements Strategy {
    private static final boolean[] DEFECT = new boolean[64];

    static {
        for (int a : new int[] {1, 6, 7, 17, 22, 23, 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61}) DEFECT[a] = true;
    }

    public String name() { return "Nydegger"; }
    public Classifier classifier() { return Classifier.deterministic(3); }

    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        if (t == 0) return Action.C;
        if (t == 1) return h.theirLast();
        if (t == 2) {
            boolean trap = h.mine(0) == Action.C && h.theirs(0) == Action.D && h.mine(1) == Action.D && h.theirs(1) == Action.C;
            return trap ? Action.D : h.theirLast();
        }
        int a = 16 * outcome(h, t - 1) + 4 * outcome(h, t - 2) + outcome(h, t - 3);
        return DEFECT[a] ? Action.D : Action.C;
    }

    private static int outcome(History h, int k) {
        return (h.mine(k) == Action.D ? 1 : 0) + (h.theirs(k) == Action.D ? 2 : 0);
    }

    public Strategy fresh() { return new Nydegger(); }
}
