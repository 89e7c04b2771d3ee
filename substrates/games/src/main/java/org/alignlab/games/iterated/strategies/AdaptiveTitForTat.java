package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Adaptive Tit for Tat, basic model (Tzafestas 2000, "Toward adaptive cooperative behavior", SAB 2000): keeps an image
 * w of the opponent, moved each turn a fraction r = 1/2 of the way towards 1 after its cooperation and towards 0 after
 * its defection (w starts at r), and cooperates while w is at least 1/2.
 */
public final class AdaptiveTitForTat implements Strategy {
    private static final double RATE = 0.5;
    private double world = RATE;

    public String name() { return "Adaptive Tit For Tat"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Action.C;
        if (h.theirLast() == Action.C) world += RATE * (1.0 - world);
        else world -= RATE * world;
        return world >= 0.5 ? Action.C : Action.D;
    }
    public void reset() { world = RATE; }
    public Strategy fresh() { return new AdaptiveTitForTat(); }
}
