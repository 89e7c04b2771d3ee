package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Level Punisher (Eckhart Arnold's CoopSim, 2016): cooperates for the first 10 moves, then defects whenever more than
 * 20% of the opponent's moves so far were defections.
 */
public final class LevelPunisher implements Strategy {
    public String name() { return "Level Punisher"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        int t = h.turns();
        return t >= 10 && (double) h.theirDefections() / t > 0.2 ? Action.D : Action.C;
    }
    public Strategy fresh() { return new LevelPunisher(); }
}
