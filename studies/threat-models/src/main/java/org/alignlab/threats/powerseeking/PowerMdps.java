package org.alignlab.threats.powerseeking;

import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;

/**
 * The small deterministic MDPs of the reproductions. Every state has the same number of actions (the {@link Mdp}
 * format); where a drawn state has fewer moves, the extra actions repeat its last move, and since ties split the
 * optimal mass equally, the probability of a move is the sum over the actions that make it.
 */
final class PowerMdps {
    static final int CANDY_START = 0;
    static final int BRANCHING_START = 0;

    /** The 4×3 world's cells, bottom row first, left to right, skipping the wall at (2,2). */
    static final String[] GRID_CELLS = {"(1,1)", "(2,1)", "(3,1)", "(4,1)", "(1,2)", "(3,2)", "(4,2)", "(1,3)",
        "(2,3)", "(3,3)", "(4,3)"};
    /** The agent starts at (1,1), Turner's state 1. */
    static final int SHUTDOWN_START = 0;
    /** (4,2): AIMA's −1 exit, Turner's state 2, read as shutdown. */
    static final int SHUTDOWN_STATE = 6;
    /** (4,3): AIMA's +1 exit, Turner's state 3. */
    static final int SHUTDOWN_GOAL = 10;

    /** Counterexample states, in Turner's numbering 1..6 (indices 0..5); actions 0 = up, 1 = right. */
    static final int CX_START = 0;
    static final int CX_UP = 1;
    static final int CX_RIGHT = 2;
    static final int CX_FORK = 3;

    private PowerMdps() {}

    /** State 0 moves to one of n absorbing states (action a → state a + 1). */
    static Mdp star(int n) {
        MdpBuilder b = Mdp.builder(n + 1, n);
        for (int a = 0; a < n; a++) b.deterministic(0, a, a + 1);
        for (int s = 1; s <= n; s++) absorbing(b, s, n);
        return b.build();
    }

    /**
     * Candy or wait (Turner 2019, "Power as average optimal value"): from start, "candy" (action 0) leads to the
     * absorbing candy state; "wait" (action 1) to a waiting state from which the agent picks the absorbing chocolate
     * or hug state.
     */
    static Mdp candy() {
        MdpBuilder b = Mdp.builder(5, 2).stateNames("start", "candy", "wait", "chocolate", "hug")
                .actionNames("left", "right");
        b.deterministic(0, 0, 1).deterministic(0, 1, 2);
        b.deterministic(2, 0, 3).deterministic(2, 1, 4);
        for (int s : new int[] {1, 3, 4}) absorbing(b, s, 2);
        return b.build();
    }

    /**
     * The shutdown example (Turner 2019, the figure after "Terminal option preservation"): the 4×3 grid world of
     * Russell and Norvig (AIMA 3e, Fig. 17.1) with 11 cells around one wall; the agent starts at (1,1); (4,2) is the
     * shutdown exit and (4,3) the goal exit, both absorbing. Turner's figure says every state has a self-loop, so
     * each cell has a "stay" action; moves are deterministic (AIMA's 0.8/0.1/0.1 noise is dropped: with self-loops
     * the set of reachable cycles, and so the γ → 1 answer, is the same), and a move into the wall or off the grid
     * stays put.
     */
    static Mdp shutdown() {
        String[] actions = {"up", "down", "left", "right", "stay"};
        int[][] delta = {{0, 1}, {0, -1}, {-1, 0}, {1, 0}, {0, 0}};
        MdpBuilder b = Mdp.builder(GRID_CELLS.length, actions.length).stateNames(GRID_CELLS).actionNames(actions);
        for (int s = 0; s < GRID_CELLS.length; s++) {
            if (s == SHUTDOWN_STATE || s == SHUTDOWN_GOAL) {
                absorbing(b, s, actions.length);
                continue;
            }
            int x = GRID_CELLS[s].charAt(1) - '0';
            int y = GRID_CELLS[s].charAt(3) - '0';
            for (int a = 0; a < actions.length; a++) {
                int t = cell(x + delta[a][0], y + delta[a][1]);
                b.deterministic(s, a, t < 0 ? s : t);
            }
        }
        return b.build();
    }

    /** The index of cell (x, y) of the 4×3 world, or −1 for the wall and outside the grid. */
    static int cell(int x, int y) {
        String name = "(" + x + "," + y + ")";
        for (int s = 0; s < GRID_CELLS.length; s++) if (GRID_CELLS[s].equals(name)) return s;
        return -1;
    }

    /**
     * Branching (Turner 2019, the Tic-Tac-Toe fragment): from start, action 0 is the one move that does not end the
     * game and keeps five final outcomes reachable; actions 1..5 end the game at five other final states (absorbing:
     * the agent keeps experiencing the final board). The opponent's replies are folded into the dynamics, and the
     * continuation is collapsed to one choice among its five final outcomes (as γ → 1 only the sets of reachable
     * absorbing states matter). States: 0 start, 1 continuation, 2..6 behind it, 7..11 direct.
     */
    static Mdp branching() {
        int actions = 6;
        MdpBuilder b = Mdp.builder(12, actions);
        b.deterministic(0, 0, 1);
        for (int a = 1; a < actions; a++) b.deterministic(0, a, 6 + a);
        for (int a = 0; a < actions; a++) b.deterministic(1, a, 2 + Math.min(a, 4));
        for (int s = 2; s < 12; s++) absorbing(b, s, actions);
        return b.build();
    }

    /**
     * The counterexample (Turner 2019, "When is seeking POWER convergently instrumental?"; v6 of the paper, Sect. 6
     * and App. B.3): one-way paths from 1; "up" leads to 2, which is absorbing (no further choice); "right" leads to
     * 3, then to 4, where the agent picks the absorbing state 5 or 6. Indices are Turner's numbers minus one.
     */
    static Mdp counterexample() {
        MdpBuilder b = Mdp.builder(6, 2).stateNames("1", "2", "3", "4", "5", "6").actionNames("up", "right");
        b.deterministic(0, 0, 1).deterministic(0, 1, 2);
        b.deterministic(2, 0, 3).deterministic(2, 1, 3);
        b.deterministic(3, 0, 4).deterministic(3, 1, 5);
        for (int s : new int[] {1, 4, 5}) absorbing(b, s, 2);
        return b.build();
    }

    private static void absorbing(MdpBuilder b, int s, int actions) {
        for (int a = 0; a < actions; a++) b.deterministic(s, a, s);
    }
}
