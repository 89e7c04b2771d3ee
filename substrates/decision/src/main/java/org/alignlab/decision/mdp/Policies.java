package org.alignlab.decision.mdp;

import org.alignlab.core.UsageException;

/** Policies derived from action values Q(s, a): greedy and Boltzmann (softmax), and the uniform policy. */
public final class Policies {
    /**
     * Relative tolerance under which two action values count as tied: Q(s, a) ties with the best value m when
     * m − Q(s, a) ≤ 1e-12 · max(1, |m|). It absorbs the last-bit rounding differences of mathematically equal values
     * (two equally long paths summed in another order), so that ties go to the lowest action index deterministically.
     */
    public static final double TIE_TOLERANCE = 1e-12;

    private Policies() {}

    /** π(s) = argmax_a Q(s, a), ties (within {@link #TIE_TOLERANCE}) to the lowest action index. */
    public static Policy.Deterministic greedy(double[][] q) {
        int[] actions = new int[q.length];
        for (int s = 0; s < q.length; s++) actions[s] = greedyAction(q[s]);
        return new Policy.Deterministic(actions);
    }

    /** The lowest action index whose value ties with the best one within {@link #TIE_TOLERANCE}. */
    public static int greedyAction(double[] qs) {
        if (qs.length == 0) throw new UsageException("no actions to choose from");
        double best = qs[0];
        for (int a = 1; a < qs.length; a++) if (qs[a] > best) best = qs[a];
        double floor = best - TIE_TOLERANCE * Math.max(1, Math.abs(best));
        for (int a = 0; a < qs.length; a++) if (qs[a] >= floor) return a;
        return 0; // not reached unless values are NaN
    }

    /**
     * The Boltzmann (softmax) policy π(a | s) ∝ exp(Q(s, a) / τ) (Sutton &amp; Barto 2018, Eq. 13.2 with preferences
     * Q/τ), computed after subtracting max_a Q(s, a) so that it neither overflows nor underflows to all zeros.
     *
     * @param temperature τ &gt; 0; small τ approaches the greedy policy (ties shared), large τ the uniform one
     */
    public static Policy.Stochastic boltzmann(double[][] q, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new UsageException("Boltzmann temperature must be positive and finite (got " + temperature + ")");
        }
        double[][] p = new double[q.length][];
        for (int s = 0; s < q.length; s++) {
            double[] qs = q[s];
            if (qs.length == 0) throw new UsageException("state " + s + " has no action values");
            double max = qs[0];
            for (double x : qs) if (x > max) max = x;
            double[] row = new double[qs.length];
            double sum = 0;
            for (int a = 0; a < qs.length; a++) {
                row[a] = Math.exp((qs[a] - max) / temperature);
                sum += row[a];
            }
            for (int a = 0; a < qs.length; a++) row[a] /= sum;
            p[s] = row;
        }
        return new Policy.Stochastic(p);
    }

    /** π(a | s) = 1 / A. */
    public static Policy.Stochastic uniform(int states, int actions) {
        if (states < 1 || actions < 1) throw new UsageException("a policy needs at least one state and one action");
        double[][] p = new double[states][actions];
        for (double[] row : p) java.util.Arrays.fill(row, 1.0 / actions);
        return new Policy.Stochastic(p);
    }

    /** Checks that {@code policy} is a policy of {@code mdp}: same states, actions in range. */
    static void requireFits(Policy policy, Mdp mdp) {
        if (policy.states() != mdp.states()) {
            throw new UsageException("policy has " + policy.states() + " states, the MDP " + mdp.states());
        }
        switch (policy) {
            case Policy.Deterministic d -> {
                for (int s = 0; s < mdp.states(); s++) {
                    if (d.action(s) >= mdp.actions()) {
                        throw new UsageException("policy takes action " + d.action(s) + " in state " + s
                                + ", but the MDP has actions 0.." + (mdp.actions() - 1));
                    }
                }
            }
            case Policy.Stochastic st -> {
                if (st.actions() != mdp.actions()) {
                    throw new UsageException("policy has " + st.actions() + " actions per state, the MDP "
                            + mdp.actions());
                }
            }
        }
    }
}
