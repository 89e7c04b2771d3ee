package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Hard Majority (Mittal and Deb 2009, "Optimal strategies of the iterated prisoner's dilemma problem for multiple
 * conflicting objectives", IEEE Trans. Evol. Comput. 13(3)): defects when the opponent has defected at least as often
 * as it has cooperated (so also on the first move), cooperates otherwise.
 */
public final class HardGoByMajority implements Strategy {
    public String name() { return "Hard Go By Majority"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        return h.theirDefections() >= h.theirCooperations() ? Action.D : Action.C;
    }
    public Strategy fresh() { return new HardGoByMajority(); }
}
