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
    static final int SHUTDOWN_START = 0;
    static final int BRANCHING_START = 0;

    private PowerMdps() {}

    /** State 0 moves to one of n absorbing states (action a → state a + 1). */
    static Mdp star(int n) {
        MdpBuilder b = Mdp.builder(n + 1, n);
        for (int a = 0; a < n; a++) b.deterministic(0, a, a + 1);
        for (int s = 1; s <= n; s++) absorbing(b, s, n);
        return b.build();
    }

    /**
     * Candy or wait (Turner 2019): from start, "candy" (action 0) leads to the absorbing candy state; "wait"
     * (action 1) to a waiting state from which the agent picks the absorbing chocolate or hug state.
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
     * Shutdown: from start, action 0 leads to the absorbing shutdown state; every other action to a hub from which
     * ten absorbing states can be reached (action a → state 3 + a). States: 0 start, 1 shutdown, 2 hub, 3..12.
     */
    static Mdp shutdown() {
        int actions = 10;
        MdpBuilder b = Mdp.builder(13, actions);
        b.deterministic(0, 0, 1);
        for (int a = 1; a < actions; a++) b.deterministic(0, a, 2);
        for (int a = 0; a < actions; a++) b.deterministic(2, a, 3 + a);
        absorbing(b, 1, actions);
        for (int s = 3; s < 13; s++) absorbing(b, s, actions);
        return b.build();
    }

    /**
     * Branching: from start, action 0 leads to a branch state that can reach five absorbing states; actions 1..5
     * lead straight to five other absorbing states. States: 0 start, 1 branch, 2..6 behind the branch, 7..11 direct.
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

    private static void absorbing(MdpBuilder b, int s, int actions) {
        for (int a = 0; a < actions; a++) b.deterministic(s, a, s);
    }
}
