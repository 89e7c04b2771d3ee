package org.alignlab.decision.mdp;

import org.alignlab.core.UsageException;

/**
 * Backward induction for a horizon of H steps (Puterman 1994, Sec. 4.5): V_H = 0 and, for t = H−1 down to 0,
 * V_t(s) = max_a R(s, a) + γ Σ_s' P(s'|s,a) V_{t+1}(s'), π_t(s) the maximising action (ties to the lowest index, as
 * in {@link Policies#greedy}). The MDP's own discount γ weights later steps (γ = 1 gives the undiscounted total).
 * Terminal states have value 0 at every step.
 */
public final class FiniteHorizon {
    private FiniteHorizon() {}

    public static FiniteHorizonSolution solve(Mdp mdp, int horizon) {
        if (horizon < 0) throw new UsageException("horizon must be >= 0 (got " + horizon + ")");
        int n = mdp.states();
        int actions = mdp.actions();
        double[][] values = new double[horizon + 1][];
        int[][] policy = new int[horizon][];
        values[horizon] = new double[n];
        double[] qs = new double[actions];
        for (int t = horizon - 1; t >= 0; t--) {
            double[] later = values[t + 1];
            double[] v = new double[n];
            int[] act = new int[n];
            for (int s = 0; s < n; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    qs[a] = Bellman.rowValue(mdp, s * actions + a, later);
                    if (qs[a] > best) best = qs[a];
                }
                v[s] = best;
                act[s] = Policies.greedyAction(qs);
            }
            values[t] = v;
            policy[t] = act;
        }
        return new FiniteHorizonSolution(horizon, values, policy);
    }
}
