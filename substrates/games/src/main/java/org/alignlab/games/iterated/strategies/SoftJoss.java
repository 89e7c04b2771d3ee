package org.alignlab.games.iterated.strategies;

/**
 * Soft Joss (the PRISON project of LIFL, Lille, 1998): Tit for Tat, except that after the opponent's defection it
 * defects only with probability q = 0.9. Memory-one vector (1, 1 − q, 1, 1 − q); cooperates first.
 */
public final class SoftJoss extends MemoryOne {
    public SoftJoss() {
        super("Soft Joss", 1, 1 - 0.9, 1, 1 - 0.9, 1);
    }

    @Override
    public SoftJoss fresh() { return new SoftJoss(); }
}
