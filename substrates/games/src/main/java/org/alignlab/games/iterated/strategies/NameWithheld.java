package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * The entry whose author's name was withheld, 14th in Axelrod's first tournament (Axelrod 1980, "Effective Choice in the Prisoner's Dilemma", J. Conflict Resolution 24(1): 3–25). The paper describes a
 * cooperation probability that starts at 30% and is adjusted every ten moves, and notes that it mostly stayed between
 * 30% and 70%, so that the rule looked random; the program itself was not published. Choice (as in the Axelrod Python
 * library): each move cooperates with a probability drawn uniformly from [0.3, 0.7].
 */
public final class NameWithheld implements Strategy {
    public String name() { return "(Name withheld)"; }
    public Classifier classifier() { return Classifier.stochastic(0); }
    public Action play(History h, SplittableRandom rng) {
        double p = 0.3 + 0.4 * rng.nextDouble();
        return Strategy.cooperateWith(p, rng);
    }
    public Strategy fresh() { return new NameWithheld(); }
}
