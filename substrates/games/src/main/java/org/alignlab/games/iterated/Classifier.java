package org.alignlab.games.iterated;

/**
 * What a strategy uses (after the classifier of the Axelrod Python library, Knight et al. 2016): how many past turns
 * it looks at ({@link #INFINITE} when unbounded), whether it draws random numbers, and whether it uses the announced
 * match length or the stage game's payoffs.
 */
public record Classifier(int memoryDepth, boolean stochastic, boolean usesLength, boolean usesGame) {
    public static final int INFINITE = Integer.MAX_VALUE;

    public static Classifier deterministic(int memoryDepth) {
        return new Classifier(memoryDepth, false, false, false);
    }

    public static Classifier stochastic(int memoryDepth) {
        return new Classifier(memoryDepth, true, false, false);
    }
}
