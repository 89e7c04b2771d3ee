package org.alignlab.games.iterated.strategies;

/**
 * Firm but Fair (Frean 1994, "The prisoner's dilemma without synchrony", Proc. R. Soc. B 257(1348)): cooperates
 * first and after any outcome except the sucker's payoff, after which it defects; after mutual defection it cooperates
 * with probability 2/3. Memory-one vector (1, 0, 1, 2/3).
 */
public final class FirmButFair extends MemoryOne {
    public FirmButFair() {
        super("Firm But Fair", 1, 0, 1, 2.0 / 3, 1);
    }

    @Override
    public FirmButFair fresh() { return new FirmButFair(); }
}
