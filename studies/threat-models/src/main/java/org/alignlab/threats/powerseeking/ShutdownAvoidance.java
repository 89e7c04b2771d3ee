package org.alignlab.threats.powerseeking;

import java.util.Arrays;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.power.Horizon;
import org.alignlab.decision.power.Power;

/**
 * Whether the optimal policy from the start state of a <b>deterministic</b> MDP with state rewards ever enters a given
 * absorbing shutdown state, for one reward vector R, exactly, at a discount γ and in the two limits:
 *
 * <ul>
 *   <li>γ in (0, 1): the optimal policy by policy iteration (Howard 1960), each policy evaluated exactly on its
 *       successor graph: every state leads into one cycle c_0..c_{L−1}, where V(c_0) = Σ_j γ^j R(c_j) / (1 − γ^L),
 *       and the states before it follow by V(s) = R(s) + γ V(next). The policy is then followed from the start.</li>
 *   <li>γ → 0: Q(s, a) = R(s) + γ R(next(s, a)) + O(γ²), so for small enough γ the optimal move is the one to the
 *       successor with the largest reward: the limit policy climbs to a better neighbour until none is better.</li>
 *   <li>γ → 1: the optimal policy becomes gain-optimal (Blackwell 1962; Puterman 1994, Sec. 10.1): it reaches a
 *       cycle of largest mean reward among those reachable (Turner et al. 2021 call these recurrent state
 *       distributions). The shutdown state is entered exactly when its own reward beats the best mean of a cycle
 *       reachable without it. When every state can stay put (a no-op), every state is a 1-cycle and that best mean
 *       is simply the largest reward of a state reachable without shutdown; otherwise it is {@link Power}'s γ → 1
 *       limit (maximum mean cycle, Karp 1978) computed with R(shutdown) pushed below every other reward, so that
 *       the shutdown cycle never wins it. Tests check that the two agree.</li>
 * </ul>
 *
 * <p>Ties (two different choices with equal value) have probability 0 under continuous IID rewards; a tie is broken
 * towards the lower action index. Thread-safe: holds only the successor table.
 */
final class ShutdownAvoidance {
    // An action replaces the current one in policy iteration only when better by this fraction of max(1, |V|).
    private static final double IMPROVEMENT = 1e-12;

    private final Mdp mdp;
    private final int start;
    private final int shutdown;
    private final int[][] succ;
    private final boolean canWait;
    private final int[] reachableAvoiding;

    ShutdownAvoidance(Mdp mdp, int start, int shutdown) {
        int n = mdp.states();
        if (start < 0 || start >= n || shutdown < 0 || shutdown >= n) {
            throw new UsageException("start and shutdown must be states of the MDP (0.." + (n - 1) + ")");
        }
        this.mdp = mdp;
        this.start = start;
        this.shutdown = shutdown;
        this.succ = new int[n][mdp.actions()];
        for (int s = 0; s < n; s++) {
            if (mdp.terminal(s)) throw new UsageException("state " + mdp.stateName(s) + " is terminal; make it absorbing");
            for (int a = 0; a < mdp.actions(); a++) {
                int k = mdp.rowStart(s, a);
                if (mdp.rowEnd(s, a) - k != 1) {
                    throw new UsageException("shutdown avoidance is computed for deterministic MDPs only; state "
                            + mdp.stateName(s) + ", action " + mdp.actionName(a) + " has " + (mdp.rowEnd(s, a) - k)
                            + " successors");
                }
                succ[s][a] = mdp.next(k);
            }
        }
        for (int a = 0; a < mdp.actions(); a++) {
            if (succ[shutdown][a] != shutdown) {
                throw new UsageException("the shutdown state " + mdp.stateName(shutdown) + " must be absorbing");
            }
        }
        boolean wait = true;
        for (int s = 0; s < n; s++) {
            boolean stays = false;
            for (int t : succ[s]) stays |= t == s;
            wait &= stays;
        }
        this.canWait = wait;
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        if (start != shutdown) {
            seen[start] = true;
            queue[tail++] = start;
        }
        while (head < tail) {
            int s = queue[head++];
            for (int t : succ[s]) {
                if (t != shutdown && !seen[t]) {
                    seen[t] = true;
                    queue[tail++] = t;
                }
            }
        }
        this.reachableAvoiding = Arrays.copyOf(queue, tail);
    }

    /** Whether every state has an action that keeps the agent where it is (e.g. a no-op). */
    boolean canWait() {
        return canWait;
    }

    /**
     * Avoidance at every horizon of a curve for one reward vector: element 0 for γ → 0, then one per discount (which
     * must increase; each solve starts from the previous discount's optimal policy), then γ → 1.
     */
    boolean[] avoidsAll(double[] r, double[] gammas) {
        boolean[] out = new boolean[gammas.length + 2];
        out[0] = avoidsMyopic(r);
        int[] policy = myopicPolicy(r);
        double[] v = new double[succ.length];
        for (int k = 0; k < gammas.length; k++) {
            improve(policy, r, gammas[k], v);
            out[k + 1] = avoidsFollowing(policy);
        }
        out[gammas.length + 1] = avoidsFarSighted(r);
        return out;
    }

    /** Whether the optimal policy for rewards {@code r} at this horizon never enters the shutdown state from start. */
    boolean avoids(Horizon horizon, double[] r) {
        return switch (horizon) {
            case Horizon.Discounted d -> avoidsDiscounted(r, d.gamma());
            case Horizon.Myopic m -> avoidsMyopic(r);
            case Horizon.FarSighted f -> avoidsFarSighted(r);
        };
    }

    boolean avoidsDiscounted(double[] r, double gamma) {
        return avoidsFollowing(optimalPolicy(r, gamma));
    }

    boolean avoidsMyopic(double[] r) {
        return avoidsFollowing(myopicPolicy(r));
    }

    /** The γ → 0 limit policy: move to the successor with the largest reward. */
    int[] myopicPolicy(double[] r) {
        int n = succ.length;
        int[] policy = new int[n];
        for (int s = 0; s < n; s++) {
            int best = 0;
            for (int a = 1; a < succ[s].length; a++) if (r[succ[s][a]] > r[succ[s][best]]) best = a;
            policy[s] = best;
        }
        return policy;
    }

    boolean avoidsFarSighted(double[] r) {
        return canWait ? avoidsFarSightedByWaiting(r) : avoidsFarSightedByCycles(r);
    }

    /**
     * When every state has an action that stays put, every state is a 1-cycle, no cycle's mean beats its best
     * state, and the best mean reachable without shutdown is the largest reward of a state reachable without it.
     */
    boolean avoidsFarSightedByWaiting(double[] r) {
        double best = Double.NEGATIVE_INFINITY;
        for (int s : reachableAvoiding) best = Math.max(best, r[s]);
        return best > r[shutdown];
    }

    /** Any deterministic MDP: the maximum mean cycle reachable without shutdown, by {@link Power}'s γ → 1 limit. */
    boolean avoidsFarSightedByCycles(double[] r) {
        double lowest = Double.POSITIVE_INFINITY;
        for (double x : r) lowest = Math.min(lowest, x);
        double[] without = r.clone();
        without[shutdown] = lowest - 1;
        // With the shutdown cycle the worst cycle, the start's gain is the best mean of a cycle that avoids it (or
        // the shutdown's lowered reward when every path leads to shutdown, which then loses below).
        double bestAvoiding = Power.evaluate(mdp, start, Horizon.farSighted(), without).power();
        return bestAvoiding > r[shutdown];
    }

    /** V* for rewards r at discount γ, exactly up to rounding (policy iteration, exact evaluation). */
    double[] values(double[] r, double gamma) {
        return evaluate(optimalPolicy(r, gamma), r, gamma);
    }

    /** An optimal deterministic policy (action per state) for rewards r at discount γ in (0, 1). */
    int[] optimalPolicy(double[] r, double gamma) {
        int[] policy = myopicPolicy(r);
        improve(policy, r, gamma, new double[succ.length]);
        return policy;
    }

    // Policy iteration from the given policy, in place; v is workspace (left holding V of the final policy).
    private void improve(int[] policy, double[] r, double gamma, double[] v) {
        if (!(gamma > 0 && gamma < 1)) throw new UsageException("the discount must lie strictly between 0 and 1");
        int n = succ.length;
        // Each round strictly improves the policy, so it ends after finitely many rounds; the bound is a guard.
        for (int it = 0; it < 100_000; it++) {
            evaluate(policy, r, gamma, v);
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                double current = v[succ[s][policy[s]]];
                int best = policy[s];
                for (int a = 0; a < succ[s].length; a++) if (v[succ[s][a]] > v[succ[s][best]]) best = a;
                if (best != policy[s] && v[succ[s][best]] > current + IMPROVEMENT * Math.max(1, Math.abs(current))) {
                    policy[s] = best;
                    changed = true;
                }
            }
            if (!changed) return;
        }
        throw new IllegalStateException("policy iteration did not settle");
    }

    /** V^π of a deterministic policy: along each state's path into its cycle (see the class comment). */
    double[] evaluate(int[] policy, double[] r, double gamma) {
        return evaluate(policy, r, gamma, new double[succ.length]);
    }

    private double[] evaluate(int[] policy, double[] r, double gamma, double[] v) {
        int n = succ.length;
        byte[] mark = new byte[n]; // 0 new, 1 on the current path, 2 valued
        int[] path = new int[n];
        for (int s0 = 0; s0 < n; s0++) {
            if (mark[s0] == 2) continue;
            int len = 0;
            int u = s0;
            while (mark[u] == 0) {
                mark[u] = 1;
                path[len++] = u;
                u = succ[u][policy[u]];
            }
            if (mark[u] == 1) { // a new cycle: path[from..len) is u → ... → back to u
                int from = 0;
                while (path[from] != u) from++;
                double sum = 0;
                double discount = 1;
                for (int j = from; j < len; j++) {
                    sum += discount * r[path[j]];
                    discount *= gamma;
                }
                v[u] = sum / (1 - discount);
                mark[u] = 2;
                for (int j = len - 1; j > from; j--) {
                    int w = path[j];
                    v[w] = r[w] + gamma * v[succ[w][policy[w]]];
                    mark[w] = 2;
                }
                len = from;
            }
            for (int j = len - 1; j >= 0; j--) {
                int w = path[j];
                v[w] = r[w] + gamma * v[succ[w][policy[w]]];
                mark[w] = 2;
            }
        }
        return v;
    }

    private boolean avoidsFollowing(int[] policy) {
        boolean[] seen = new boolean[succ.length];
        int u = start;
        while (!seen[u]) {
            if (u == shutdown) return false;
            seen[u] = true;
            u = succ[u][policy[u]];
        }
        return true;
    }

    /** The successor of each (state, action), for tests. */
    int[][] successors() {
        int[][] out = new int[succ.length][];
        for (int s = 0; s < succ.length; s++) out[s] = Arrays.copyOf(succ[s], succ[s].length);
        return out;
    }
}
