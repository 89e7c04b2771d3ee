package org.alignlab.decision.power;

import java.util.Arrays;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.Solution;
import org.alignlab.decision.mdp.ValueIteration;

/**
 * The optimal values V*_R of a <b>deterministic</b> MDP under state rewards R and a discount γ, by exact policy
 * iteration (Howard 1960; Puterman 1994, Sec. 6.4): the kernel behind {@link Power} when every (s, a) has one
 * successor. Terminal states count as absorbing with reward 0 (V = 0), as in {@link ValueIteration}.
 *
 * <p>Evaluating a deterministic policy π is solving V(s) = R(s) + γ V(π(s)) on a functional graph (each state has one
 * successor), in O(states): every walk ends in a cycle c₀ → c₁ → … → c_{L−1} → c₀, whose values are geometric sums in
 * closed form, V(c₀) = Σ_{k&lt;L} γ^k R(c_k) / (1 − γ^L), then V(c_k) = R(c_k) + γ V(c_{k+1}) backwards around the
 * cycle and along the trees that lead into it. Improvement is the greedy step over the successors' values,
 * O(states · actions), taken in the order the evaluation finished the states (each after its successor) and
 * Gauss-Seidel style: once a state has switched, the states after it see the raised values at once. Those values
 * stay between V^π and V^π' (π' the improved policy), so each round is still an improvement (Puterman 1994, Sec. 6.5
 * on modified policy iteration) and ends in fewer rounds; the last round, which switches nothing, works on the exact
 * V^π. The policy starts one-step greedy (the successor with the largest reward). On the benchmark's random
 * 1,000-state MDPs (4 actions) this takes about 6 rounds at γ = 0.9 and 7 at γ = 0.99, the last one a check.
 *
 * <p>Accuracy. An action replaces the current one only if its successor's value is larger by more than
 * θ = 64 · ulp(max(1, ‖V‖∞)) / (1 − γ), a margin above the rounding noise of an evaluation (each back-substitution
 * rounds once, and rounding errors are damped by γ along a path, so they stay within a few ulp(‖V‖∞)/(1 − γ)); this
 * makes every switch a real improvement, so the iteration ends. At the end no action improves by more than θ, hence
 * 0 ≤ T*V^π − V^π ≤ γθ and so 0 ≤ V* − V^π ≤ γθ/(1 − γ) (Puterman 1994, Thm 6.3.1's contraction argument).
 * Unless two actions' values lie within θ of each other (a near-tie, an event of probability of order θ for
 * continuous reward distributions) the final policy is optimal and
 * its values are V* exact up to rounding: strictly better than value iteration stopped at a tolerance such as 1e-6.
 * At γ = 0.99 and rewards in [0, 1], θ ≈ 9e-11 and the worst-case bound γθ/(1 − γ) ≈ 9e-9, far below
 * {@link Power#TIE_TOLERANCE}-sized differences (1e-8 · ‖V‖∞ ≈ 1e-6), so tie decisions are not created by the solver.
 *
 * <p>If policy iteration has not stopped after {@link #MAX_ROUNDS} rounds (never seen; a safeguard), the sample is
 * solved by {@link ValueIteration} to ε = 1e-11 instead.
 *
 * <p>Immutable and thread-safe; each thread brings its own {@link Workspace}. A solve depends only on R (the
 * workspace is fully reinitialised), so results do not depend on which thread or block solved a sample.
 */
final class DeterministicPower {
    /** Policy-improvement rounds before falling back to value iteration. */
    static final int MAX_ROUNDS = 1000;

    private static final ValueIteration.Options FALLBACK = ValueIteration.Options.defaults().withEpsilon(1e-11);

    private final Mdp mdp;
    private final int n;
    private final int actions;
    private final double gamma;
    private final int[] succ; // succ[s·actions + a]: the one successor of (s, a); unused for terminal s
    private final boolean[] terminal;
    private final int maxRounds;

    private DeterministicPower(Mdp mdp, double gamma, int maxRounds) {
        this.mdp = mdp;
        this.n = mdp.states();
        this.actions = mdp.actions();
        this.gamma = gamma;
        this.maxRounds = maxRounds;
        this.terminal = new boolean[n];
        this.succ = new int[n * actions];
        for (int s = 0; s < n; s++) {
            terminal[s] = mdp.terminal(s);
            for (int a = 0; a < actions; a++) succ[s * actions + a] = terminal[s] ? s : mdp.next(mdp.rowStart(s, a));
        }
    }

    /** The kernel for {@code mdp} at discount γ ∈ (0, 1), or null when some non-terminal (s, a) has several successors. */
    static DeterministicPower of(Mdp mdp, double gamma) {
        return of(mdp, gamma, MAX_ROUNDS);
    }

    /** As {@link #of(Mdp, double)}, with another round limit (tests of the fallback). */
    static DeterministicPower of(Mdp mdp, double gamma, int maxRounds) {
        return Power.deterministic(mdp) ? new DeterministicPower(mdp, gamma, maxRounds) : null;
    }

    double gamma() {
        return gamma;
    }

    /** The successor of (s, a); s itself for a terminal s. */
    int successor(int s, int a) {
        return succ[s * actions + a];
    }

    /** Buffers for one thread's solves. */
    static final class Workspace {
        final double[] v;      // V of the current policy; after solve, V* (terminal states 0)
        final int[] next;      // the current policy, as each state's chosen successor
        final int[] mark;      // evaluation: 0 unvisited, 1 on the current path, 2 done
        final int[] pos;       // evaluation: a state's index on the current path
        final int[] path;
        final int[] order;     // evaluation: non-terminal states, each after its policy successor
        int count;
        int rounds;            // policy evaluations used by the last solve (0 after a fallback)

        Workspace(int n) {
            v = new double[n];
            next = new int[n];
            mark = new int[n];
            pos = new int[n];
            path = new int[n];
            order = new int[n];
        }

        /** V*(s) of the last solve. */
        double value(int s) {
            return v[s];
        }
    }

    Workspace workspace() {
        return new Workspace(n);
    }

    /** Solves for V* under state rewards r (length states, finite) into {@code ws.v}. */
    void solve(double[] r, Workspace ws) {
        int[] nx = ws.next;
        double[] v = ws.v;
        // Start from the one-step greedy policy: the successor with the largest reward.
        for (int s = 0; s < n; s++) {
            if (terminal[s]) {
                nx[s] = s;
                continue;
            }
            int base = s * actions;
            int best = succ[base];
            double bestR = reward(best, r);
            for (int a = 1; a < actions; a++) {
                int t = succ[base + a];
                double x = reward(t, r);
                if (x > bestR) {
                    bestR = x;
                    best = t;
                }
            }
            nx[s] = best;
        }
        for (int round = 1; round <= maxRounds; round++) {
            double norm = evaluate(r, ws);
            ws.rounds = round;
            double theta = 64 * Math.ulp(Math.max(1, norm)) / (1 - gamma);
            boolean changed = false;
            final int[] ord = ws.order;
            final int cnt = ws.count;
            for (int i = 0; i < cnt; i++) {
                int s = ord[i];
                int base = s * actions;
                double cur = v[nx[s]];
                double m = v[succ[base]];
                for (int a = 1; a < actions; a++) m = Math.max(m, v[succ[base + a]]);
                if (m > cur + theta) {
                    for (int a = 0; a < actions; a++) {
                        int t = succ[base + a];
                        if (v[t] == m) {
                            nx[s] = t;
                            break;
                        }
                    }
                    changed = true;
                }
                // Gauss-Seidel: once the policy has changed, pass the gains on to the states after this one.
                if (changed) v[s] = r[s] + gamma * v[nx[s]];
            }
            if (!changed) return;
        }
        Solution sol = ValueIteration.solve(mdp.withStateRewards(r).withDiscount(gamma), FALLBACK);
        System.arraycopy(sol.values(), 0, v, 0, n);
        ws.rounds = 0;
    }

    private double reward(int t, double[] r) {
        return terminal[t] ? 0 : r[t];
    }

    // V^π for the policy ws.next: V(s) = R(s) + γ V(next(s)), terminal states 0. Returns ‖V‖∞.
    private double evaluate(double[] r, Workspace ws) {
        final int[] nx = ws.next;
        final int[] mark = ws.mark;
        final int[] pos = ws.pos;
        final int[] path = ws.path;
        final double[] v = ws.v;
        final double g = gamma;
        Arrays.fill(mark, 0);
        for (int s = 0; s < n; s++) {
            if (terminal[s]) {
                v[s] = 0;
                mark[s] = 2;
            }
        }
        double norm = 0;
        final int[] ord = ws.order;
        int cnt = 0;
        for (int s0 = 0; s0 < n; s0++) {
            if (mark[s0] != 0) continue;
            int len = 0;
            int s = s0;
            while (mark[s] == 0) {
                mark[s] = 1;
                pos[s] = len;
                path[len++] = s;
                s = nx[s];
            }
            if (mark[s] == 1) {
                // path[c..len−1] is a cycle: c₀ = path[c], next(path[k]) = path[k+1], next(path[len−1]) = c₀.
                int c = pos[s];
                int m = len - c;
                // Σ_{k<L} γ^k R(c_k) by Horner's rule from the end of the cycle.
                double acc = r[path[len - 1]];
                for (int k = len - 2; k >= c; k--) acc = r[path[k]] + g * acc;
                // 1 − γ^L = −expm1(L · log γ), accurate also when γ^L is close to 1.
                double v0 = acc / -Math.expm1(m * Math.log1p(g - 1));
                v[path[c]] = v0;
                mark[path[c]] = 2;
                ord[cnt++] = path[c];
                norm = Math.max(norm, Math.abs(v0));
                double after = v0;
                for (int k = len - 1; k > c; k--) {
                    int u = path[k];
                    after = r[u] + g * after;
                    v[u] = after;
                    mark[u] = 2;
                    ord[cnt++] = u;
                    norm = Math.max(norm, Math.abs(after));
                }
                len = c;
            }
            // The trees: back-substitute from the end of the path, whose successor is done.
            for (int k = len - 1; k >= 0; k--) {
                int u = path[k];
                double x = r[u] + g * v[nx[u]];
                v[u] = x;
                mark[u] = 2;
                ord[cnt++] = u;
                norm = Math.max(norm, Math.abs(x));
            }
        }
        ws.count = cnt;
        return norm;
    }

    /** Q(s, a) = R(s) + γ V*(successor) after a solve, for a non-terminal s. */
    double q(double[] r, Workspace ws, int s, int a) {
        return r[s] + gamma * ws.v[succ[s * actions + a]];
    }

    /**
     * (1 − γ)/γ · (V*(s) − R(s)) = (1 − γ) · max_a V*(successor of (s, a)), Turner et al. 2021's normalised value,
     * computed in the second form, which does not cancel R(s).
     */
    double power(Workspace ws, int s) {
        int base = s * actions;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) best = Math.max(best, ws.v[succ[base + a]]);
        return (1 - gamma) * best;
    }
}
