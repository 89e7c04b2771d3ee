package org.alignlab.games.iterated.strategies;

import java.util.SplittableRandom;
import org.alignlab.games.iterated.Action;
import org.alignlab.games.iterated.Classifier;
import org.alignlab.games.iterated.History;
import org.alignlab.games.iterated.Strategy;

/**
 * Gradual (Beaufils, Delahaye and Mathieu 1997, "Our meeting with Gradual: a good strategy for the iterated
 * prisoner's dilemma"): cooperates until the opponent defects; the n-th defection it reacts to (n counts the
 * opponent's defections seen while calm) is punished with n defections followed by two cooperations, during which
 * the opponent's moves are not reacted to. The Axelrod library names this rule "Original Gradual".
 */
public final class Gradual implements Strategy {
    private boolean calming;
    private boolean punishing;
    private int punished;
    private int punishments;

    public String name() { return "Gradual"; }
    public Classifier classifier() { return Classifier.deterministic(Classifier.INFINITE); }
    public Action play(History h, SplittableRandom rng) {
        if (calming) {
            calming = false;
            return Action.C;
        }
        if (punishing) {
            if (punished < punishments) {
                punished++;
                return Action.D;
            }
            // the first of the two calming cooperations
            punishing = false;
            punished = 0;
            calming = true;
            return Action.C;
        }
        if (h.turns() > 0 && h.theirLast() == Action.D) {
            punishing = true;
            punished = 1;
            punishments++;
            return Action.D;
        }
        return Action.C;
    }
    public void reset() {
        calming = false;
        punishing = false;
        punished = 0;
        punishments = 0;
    }
    public Strategy fresh() { return new Gradual(); }
}
