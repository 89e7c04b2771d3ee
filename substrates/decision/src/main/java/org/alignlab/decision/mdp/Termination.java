package org.alignlab.decision.mdp;

import org.alignlab.core.UsageException;

/**
 * Reachability of terminal states, for undiscounted (γ = 1) problems. A policy is proper when it reaches a terminal
 * state with probability 1 from every state (Bertsekas &amp; Tsitsiklis 1996, Sec. 2.2); in a finite chain that holds
 * exactly when every state has a positive-probability path to a terminal state, and then I − P_π is invertible.
 */
final class Termination {
    private Termination() {}

    /** The lowest state from which {@code policy} never reaches a terminal state, or −1 if it is proper. */
    static int firstImproperState(Mdp mdp, Policy policy) {
        int n = mdp.states();
        int actions = mdp.actions();
        int[] rowStart = mdp.rowStartArray();
        int[] next = mdp.nextArray();
        double[] prob = mdp.probArray();
        // Reverse edges s' <- s of the policy's chain, in compressed form.
        int[] count = new int[n + 1];
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = pass == 1 ? new int[n] : null;
            int[] from = pass == 1 ? new int[count[n]] : null;
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < actions; a++) {
                    if (policy.probability(s, a) <= 0) continue;
                    int row = s * actions + a;
                    for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
                        if (prob[k] <= 0) continue;
                        if (pass == 0) {
                            count[next[k] + 1]++;
                        } else {
                            from[count[next[k]] + fill[next[k]]++] = s;
                        }
                    }
                }
            }
            if (pass == 0) {
                for (int i = 0; i < n; i++) count[i + 1] += count[i];
            } else {
                boolean[] reached = reachBackwards(mdp, count, from);
                for (int s = 0; s < n; s++) if (!reached[s]) return s;
            }
        }
        return -1;
    }

    private static boolean[] reachBackwards(Mdp mdp, int[] start, int[] from) {
        int n = mdp.states();
        boolean[] reached = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) {
            if (mdp.terminal(s)) {
                reached[s] = true;
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int t = queue[head++];
            for (int i = start[t]; i < start[t + 1]; i++) {
                int s = from[i];
                if (!reached[s]) {
                    reached[s] = true;
                    queue[tail++] = s;
                }
            }
        }
        return reached;
    }

    /**
     * A proper deterministic policy: each state takes an action with a positive-probability successor one step closer
     * (in breadth-first order from the terminal states) to termination.
     *
     * @throws UsageException naming a state from which no action leads to a terminal state
     */
    static Policy.Deterministic properPolicy(Mdp mdp) {
        int n = mdp.states();
        int actions = mdp.actions();
        int rows = n * actions;
        int[] rowStart = mdp.rowStartArray();
        int[] next = mdp.nextArray();
        double[] prob = mdp.probArray();
        int[] start = new int[n + 1];
        for (int k = 0; k < next.length; k++) if (prob[k] > 0) start[next[k] + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] fill = new int[n];
        int[] fromRow = new int[start[n]];
        for (int row = 0; row < rows; row++) {
            for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
                if (prob[k] > 0) fromRow[start[next[k]] + fill[next[k]]++] = row;
            }
        }
        int[] policy = new int[n];
        boolean[] reached = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) {
            if (mdp.terminal(s)) {
                reached[s] = true;
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int t = queue[head++];
            for (int i = start[t]; i < start[t + 1]; i++) {
                int s = fromRow[i] / actions;
                if (!reached[s]) {
                    reached[s] = true;
                    policy[s] = fromRow[i] % actions;
                    queue[tail++] = s;
                }
            }
        }
        for (int s = 0; s < n; s++) {
            if (!reached[s]) {
                throw new UsageException("with γ = 1 every state must be able to reach a terminal state, but state "
                        + mdp.stateName(s) + " cannot under any action; use a discount below 1 or add termination");
            }
        }
        return new Policy.Deterministic(policy);
    }

    /** With γ = 1, refuses a policy that does not terminate from every state. */
    static void requireProperIfUndiscounted(Mdp mdp, Policy policy, String what) {
        if (mdp.discount() < 1) return;
        int s = firstImproperState(mdp, policy);
        if (s >= 0) {
            throw new UsageException("with γ = 1 " + what + " needs a policy that terminates, but from state "
                    + mdp.stateName(s) + " it never reaches a terminal state; use a discount below 1");
        }
    }
}
