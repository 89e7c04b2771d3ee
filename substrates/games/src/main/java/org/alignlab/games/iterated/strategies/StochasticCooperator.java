package org.alignlab.games.iterated.strategies;

/**
 * Stochastic Cooperator (Adami and Hintze 2013, "Evolutionary instability of zero-determinant strategies demonstrates
 * that winning is not everything", Nature Communications 4: 2193): the memory-one vector
 * (0.935, 0.229, 0.266, 0.42) that evolved in their populations and resists extortioners; cooperates first.
 */
public final class StochasticCooperator extends MemoryOne {
    public StochasticCooperator() {
        super("Stochastic Cooperator", 0.935, 0.229, 0.266, 0.42, 1);
    }

    @Override
    public StochasticCooperator fresh() { return new StochasticCooperator(); }
}
