package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * A periodic player (Mittal and Deb 2009, "Optimal strategies of the iterated prisoner's dilemma problem for multiple
 * conflicting objectives", IEEE Trans. Evol. Comput. 13(3), the periodic players CCD and DDC): repeats a fixed cycle of
 * moves whatever the opponent does. Its memory depth is the cycle length less one, as the Axelrod library counts it
 * (the last moves of its own tell where in the cycle it is).
 */
public final class Cycler implements Strategy {
    private final String cycle;

    /** {@code cycle}: the moves of one period, e.g. "CCD". */
    public Cycler(String cycle) {
        if (cycle == null || cycle.isEmpty() || !cycle.matches("[CD]+")) {
            throw new UsageException("a cycle is a non-empty string of C and D, got '" + cycle + "'");
        }
        this.cycle = cycle;
    }

    public String name() { return "Cycler " + cycle; }
    public Classifier classifier() { return Classifier.deterministic(cycle.length() - 1); }
    public Action play(History h, SplittableRandom rng) {
        return cycle.charAt(h.turns() % cycle.length()) == 'C' ? Action.C : Action.D;
    }
    public Strategy fresh() { return new Cycler(cycle); }
}
