package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Easy Go (the PRISON project of LIFL, Lille, 1998; Reverse Grudger, RGRIM, in Li, Hingston and Kendall 2011): the
 * mirror of Grudger: defects until the opponent defects once, then cooperates for the rest of the match.
 */
public final class EasyGo implements Strategy {
    public String name() { return "Easy Go"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) { return h.theirDefections() > 0 ? Action.C : Action.D; }
    public Strategy fresh() { return new EasyGo(); }
}
