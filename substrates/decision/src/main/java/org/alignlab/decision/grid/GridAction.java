package org.alignlab.decision.grid;

/**
 * The gridworld actions, numbered as in the AI Safety Gridworlds (Leike et al. 2017): 0 up, 1 down, 2 left,
 * 3 right, and 4 no-op for the environments that offer one. A game with {@code n} actions offers 0..n−1.
 */
public final class GridAction {
    public static final int UP = 0;
    public static final int DOWN = 1;
    public static final int LEFT = 2;
    public static final int RIGHT = 3;
    public static final int NOOP = 4;

    /** Up, down, left, right. */
    public static final int MOVES = 4;
    /** The four moves and the no-op. */
    public static final int MOVES_AND_NOOP = 5;

    private static final String[] NAMES = {"up", "down", "left", "right", "noop"};
    private static final int[] D_ROW = {-1, 1, 0, 0, 0};
    private static final int[] D_COL = {0, 0, -1, 1, 0};

    private GridAction() {}

    public static String name(int action) {
        check(action);
        return NAMES[action];
    }

    /** Row change of the move (−1 is up). */
    public static int dRow(int action) {
        check(action);
        return D_ROW[action];
    }

    /** Column change of the move (−1 is left). */
    public static int dCol(int action) {
        check(action);
        return D_COL[action];
    }

    /** The move in the other direction (the no-op is its own opposite). */
    public static int opposite(int action) {
        check(action);
        return action == NOOP ? NOOP : action ^ 1;
    }

    private static void check(int action) {
        if (action < 0 || action > NOOP) throw new IllegalArgumentException("no grid action " + action + " (0..4)");
    }
}
