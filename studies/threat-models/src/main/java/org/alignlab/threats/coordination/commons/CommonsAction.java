package org.alignlab.threats.coordination.commons;

/**
 * The eight actions of the commons game (Perolat et al. 2017, Sect. 2): four steps relative to the way the agent
 * faces, two turns, the time-out beam and standing still.
 */
public enum CommonsAction {
    FORWARD, BACKWARD, STEP_LEFT, STEP_RIGHT, TURN_LEFT, TURN_RIGHT, BEAM, STAND;

    private static final CommonsAction[] VALUES = values();

    public static CommonsAction of(int index) {
        return VALUES[index];
    }

    public static int count() {
        return VALUES.length;
    }
}
