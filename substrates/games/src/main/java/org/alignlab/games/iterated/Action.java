package org.alignlab.games.iterated;

/** A move in the prisoner's dilemma: cooperate or defect. */
public enum Action {
    C,
    D;

    public Action flip() {
        return this == C ? D : C;
    }
}
