package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * RANDOM, the fifteenth entry of Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's
 * Dilemma"): cooperates with probability p each move, independently (p = 1/2 in the tournament).
 */
public final class RandomPlayer implements Strategy {
    private final double p;
    public RandomPlayer() { this(0.5); }
    public RandomPlayer(double p) {
        if (!(p >= 0 && p <= 1)) throw new org.alignlab.core.UsageException("Random's cooperation probability must be in [0, 1], got " + p);
        this.p = p;
    }
    public String name() { return p == 0.5 ? "Random" : "Random(" + p + ")"; }
    public Classifier classifier() { return new Classifier(0, p > 0 && p < 1, false, false); }
    public Action play(History h, SplittableRandom rng) { return Strategy.cooperateWith(p, rng); }
    public Strategy fresh() { return new RandomPlayer(p); }
}
