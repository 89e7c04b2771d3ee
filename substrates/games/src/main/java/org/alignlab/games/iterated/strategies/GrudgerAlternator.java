package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Grudger Alternator, c_then_per_dc (the PRISON project of LIFL, Lille, 1998): cooperates until the opponent's
 * first defection, then alternates D, C, D, C, ... for the rest of the match.
 */
public final class GrudgerAlternator implements Strategy {
    public String name() { return "Grudger Alternator"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        return h.theirDefections() > 0 && h.myLast() == Action.C ? Action.D : Action.C;
    }
    public Strategy fresh() { return new GrudgerAlternator(); }
}
