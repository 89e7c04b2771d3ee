package org.alignlab.decision.env;

import java.util.SplittableRandom;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;

/** Small MDPs for environment and agent tests, and an exact solver by brute-force value iteration. */
public final class TestMdps {
    private TestMdps() {}

    /** Chain states 0..2, then the goal (3) and the exit (4), both terminal. */
    public static final int CHAIN_GOAL = 3;
    public static final int CHAIN_EXIT = 4;

    /**
     * A 5-state "walk or take the money" chain, γ = 0.9, start 0. Action 0 exits (terminal) with R(s,0) = 7.5 at state
     * 0 and 1 elsewhere; action 1 walks right with probability 0.8 (else one cell left, floored at 0), paying 10 on
     * reaching the goal. Every step costs R(s) = −0.1. Optimal: exit at 0 (Q* gap ≈ 0.44), walk at 1 and 2.
     */
    public static Mdp exitOrWalkChain() {
        MdpBuilder b = Mdp.builder(5, 2).discount(0.9).initial(0).terminal(CHAIN_GOAL).terminal(CHAIN_EXIT);
        for (int s = 0; s < 3; s++) {
            b.stateReward(s, -0.1);
            b.transition(s, 0, CHAIN_EXIT, 1.0, s == 0 ? 7.5 : 1.0);
            int up = s + 1;
            b.transition(s, 1, up, 0.8, up == CHAIN_GOAL ? 10 : 0);
            b.transition(s, 1, Math.max(0, s - 1), 0.2, 0);
        }
        return b.actionNames("exit", "walk").build();
    }

    public static final int CLIFF_ROWS = 4;
    public static final int CLIFF_COLS = 12;
    public static final int CLIFF_START = 3 * CLIFF_COLS;
    public static final int CLIFF_GOAL = 3 * CLIFF_COLS + CLIFF_COLS - 1;

    /**
     * Cliff walking (Sutton &amp; Barto 2018, Example 6.6): a 4 × 12 grid, start bottom left, goal bottom right, the
     * bottom cells between them a cliff. Actions up, right, down, left; −1 per step; stepping into the cliff gives −100
     * and sends the agent back to the start. Undiscounted. State = row·12 + column (row 0 at the top); the cliff cells
     * are unreachable and marked terminal.
     */
    public static Mdp cliffWalking() {
        int n = CLIFF_ROWS * CLIFF_COLS;
        MdpBuilder b = Mdp.builder(n, 4).discount(1.0).initial(CLIFF_START).terminal(CLIFF_GOAL);
        int[][] moves = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};
        for (int r = 0; r < CLIFF_ROWS; r++) {
            for (int c = 0; c < CLIFF_COLS; c++) {
                int s = r * CLIFF_COLS + c;
                if (isCliff(s)) {
                    b.terminal(s);
                    continue;
                }
                if (s == CLIFF_GOAL) continue;
                for (int a = 0; a < 4; a++) {
                    int nr = Math.min(CLIFF_ROWS - 1, Math.max(0, r + moves[a][0]));
                    int nc = Math.min(CLIFF_COLS - 1, Math.max(0, c + moves[a][1]));
                    int next = nr * CLIFF_COLS + nc;
                    if (isCliff(next)) b.transition(s, a, CLIFF_START, 1.0, -100);
                    else b.transition(s, a, next, 1.0, -1);
                }
            }
        }
        return b.actionNames("up", "right", "down", "left").build();
    }

    public static boolean isCliff(int s) {
        return s / CLIFF_COLS == CLIFF_ROWS - 1 && s % CLIFF_COLS > 0 && s % CLIFF_COLS < CLIFF_COLS - 1;
    }

    /**
     * A random MDP: {@code live} non-terminal states and one terminal state (the last), each (s, a) with one to three
     * successors, one of them the terminal with probability at least 0.1 (so every policy ends), transition rewards
     * uniform in [−1, 1], start uniform over live states.
     */
    public static Mdp random(SplittableRandom rng, int live, int actions, double gamma) {
        int terminal = live;
        MdpBuilder b = Mdp.builder(live + 1, actions).discount(gamma).terminal(terminal);
        for (int s = 0; s < live; s++) {
            for (int a = 0; a < actions; a++) {
                double end = 0.1 + 0.2 * rng.nextDouble();
                b.transition(s, a, terminal, end, rng.nextDouble(-1, 1));
                int k = 1 + rng.nextInt(3);
                double[] w = new double[k];
                double sum = 0;
                for (int i = 0; i < k; i++) sum += w[i] = 0.1 + rng.nextDouble();
                double left = 1 - end;
                for (int i = 0; i < k; i++) {
                    double p = i == k - 1 ? left : (1 - end) * w[i] / sum;
                    left -= p;
                    b.transition(s, a, rng.nextInt(live), p, rng.nextDouble(-1, 1));
                }
            }
        }
        return b.build();
    }

    /**
     * Q*(s, a) by value iteration to a 1e-12 sup-norm change: Q(s,a) = R(s) + Σ P(s'|s,a)[R(s,a,s') + γ V(s')], V = 0
     * at terminal states. Brute force over the sparse rows; independent of the solver package.
     */
    public static double[][] optimalQ(Mdp mdp) {
        int n = mdp.states();
        int m = mdp.actions();
        double gamma = mdp.discount();
        double[] v = new double[n];
        double[][] q = new double[n][m];
        for (int iter = 0; iter < 1_000_000; iter++) {
            double change = 0;
            double[] nv = new double[n];
            for (int s = 0; s < n; s++) {
                if (mdp.terminal(s)) continue;
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m; a++) {
                    double x = mdp.stateReward(s);
                    for (int k = mdp.rowStart(s, a); k < mdp.rowEnd(s, a); k++) {
                        x += mdp.prob(k) * (mdp.transitionReward(k) + gamma * v[mdp.next(k)]);
                    }
                    q[s][a] = x;
                    best = Math.max(best, x);
                }
                nv[s] = best;
                change = Math.max(change, Math.abs(best - v[s]));
            }
            v = nv;
            if (change < 1e-12) return q;
        }
        throw new AssertionError("value iteration did not converge");
    }

    /** The greedy policy of Q (lowest index among exact ties), −1 at terminal states. */
    public static int[] greedy(Mdp mdp, double[][] q) {
        int[] pi = new int[mdp.states()];
        for (int s = 0; s < pi.length; s++) {
            if (mdp.terminal(s)) {
                pi[s] = -1;
                continue;
            }
            int best = 0;
            for (int a = 1; a < q[s].length; a++) if (q[s][a] > q[s][best]) best = a;
            pi[s] = best;
        }
        return pi;
    }
}
