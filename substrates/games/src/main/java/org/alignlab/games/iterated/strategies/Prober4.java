package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Prober 4 (the PRISON project of LIFL, Lille, 1998): plays a fixed opening of 20 moves, counting the opponent's
 * defections that answer one of its own (just) and those that answer a cooperation (unjust), for the outcomes of moves
 * 1 to 19. If the two counts differ by at most 2 the opponent is taken not to react to provocation and is met with
 * defection for the rest of the match; otherwise it cooperates for 5 moves and then plays Tit for Tat.
 */
public final class Prober4 implements Strategy {
    private static final String OPENING = "CCDCDDDCCDCDCCDCDDCD";
    private int just;
    private int unjust;
    private boolean defector;

    public String name() { return "Prober 4"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        int n = OPENING.length();
        if (t < n) {
            if (t > 0 && h.theirLast() == Action.D) {
                if (h.myLast() == Action.D) just++;
                else unjust++;
            }
            return OPENING.charAt(t) == 'C' ? Action.C : Action.D;
        }
        if (t == n) defector = Math.abs(just - unjust) <= 2;
        if (defector) return Action.D;
        return t < n + 5 ? Action.C : h.theirLast();
    }
    public void reset() {
        just = 0;
        unjust = 0;
        defector = false;
    }
    public Strategy fresh() { return new Prober4(); }
}
