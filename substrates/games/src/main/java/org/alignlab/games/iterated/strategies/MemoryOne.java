package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * A memory-one strategy (Nowak and Sigmund 1990; Press and Dyson 2012): cooperates on the first move with probability
 * {@code first}, then with probability p_CC, p_CD, p_DC or p_DD according to the last outcome (own move first).
 */
public class MemoryOne implements Strategy {
    private final String name;
    private final double[] p;
    private final double first;

    public MemoryOne(String name, double pCC, double pCD, double pDC, double pDD, double first) {
        this.name = name;
        this.p = new double[] {pCC, pCD, pDC, pDD};
        this.first = first;
        for (double v : p) checkProbability(name, v);
        checkProbability(name, first);
    }

    private static void checkProbability(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new org.alignlab.core.UsageException(name + ": a memory-one probability must be in [0, 1], got " + v);
    }

    /** (p_CC, p_CD, p_DC, p_DD). */
    public final double[] probabilities() { return p.clone(); }

    public String name() { return name; }

    public Classifier classifier() {
        boolean stochastic = !(first == 0 || first == 1);
        for (double v : p) stochastic |= !(v == 0 || v == 1);
        return new Classifier(1, stochastic, false, false);
    }

    public Action play(History h, SplittableRandom rng) {
        if (h.turns() == 0) return Strategy.cooperateWith(first, rng);
        int k = (h.myLast() == Action.C ? 0 : 2) + (h.theirLast() == Action.C ? 0 : 1);
        return Strategy.cooperateWith(p[k], rng);
    }

    public Strategy fresh() { return new MemoryOne(name, p[0], p[1], p[2], p[3], first); }
}
