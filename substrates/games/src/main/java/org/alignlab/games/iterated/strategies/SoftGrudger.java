package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Soft Grudger, SGRIM (Li, Hingston and Kendall 2011, "Engineering design of strategies for winning iterated
 * prisoner's dilemma competitions", IEEE Trans. Comput. Intell. AI in Games 3(4)): cooperates; a defection is answered
 * with the fixed sequence D, D, D, D, C, C, during which the opponent is not watched, after which it cooperates again.
 */
public final class SoftGrudger implements Strategy {
    private static final Action[] PUNISHMENT = {Action.D, Action.D, Action.D, Action.D, Action.C, Action.C};
    private int step = -1; // index into PUNISHMENT while punishing, -1 when calm

    public String name() { return "Soft Grudger"; }
    public Classifier classifier() { return Classifier.deterministic(6); }
    public Action play(History h, SplittableRandom rng) {
        if (step < 0 && h.turns() > 0 && h.theirLast() == Action.D) step = 0;
        if (step < 0) return Action.C;
        Action a = PUNISHMENT[step];
        step = step + 1 == PUNISHMENT.length ? -1 : step + 1;
        return a;
    }
    public void reset() { step = -1; }
    public Strategy fresh() { return new SoftGrudger(); }
}
