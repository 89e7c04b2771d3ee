package org.alignlab.decision.mdp;

/**
 * Bellman backups on a sparse {@link Mdp} (Puterman 1994, Ch. 6; Sutton &amp; Barto 2018, Eqs. 3.14 and 4.5). Every
 * solver in this package computes a row's value the same way, R(s, a) + γ · Σ_k P_k V(s'_k) summed in stored order, so
 * that the same numbers come out bit for bit whichever solver, and however many threads, computed them.
 */
public final class Bellman {
    private Bellman() {}

    /** Q(s, a) = R(s, a) + γ Σ_s' P(s'|s,a) V(s') (0 for terminal states): Q^π from V^π, Q* from V*. */
    public static double[][] q(Mdp mdp, double[] v) {
        requireLength(v, mdp.states(), "v");
        int actions = mdp.actions();
        double[][] q = new double[mdp.states()][actions];
        for (int s = 0; s < q.length; s++) {
            for (int a = 0; a < actions; a++) q[s][a] = rowValue(mdp, s * actions + a, v);
        }
        return q;
    }

    /** ‖T*V − V‖∞, the sup-norm residual of the Bellman optimality operator at V. */
    public static double optimalityResidual(Mdp mdp, double[] v) {
        return ValueIteration.sweep(mdp, v, new double[mdp.states()]);
    }

    /** ‖T^π V − V‖∞, the sup-norm residual of the policy's Bellman operator at V. */
    public static double policyResidual(Mdp mdp, Policy policy, double[] v) {
        requireLength(v, mdp.states(), "v");
        Policies.requireFits(policy, mdp);
        double r = 0;
        for (int s = 0; s < mdp.states(); s++) r = Math.max(r, Math.abs(policyValue(mdp, policy, s, v) - v[s]));
        return r;
    }

    /** R(s, a) + γ Σ_k P_k V(s'_k) of one row (index s·A + a), summed in stored order. */
    static double rowValue(Mdp mdp, int row, double[] v) {
        int[] rowStart = mdp.rowStartArray();
        int[] next = mdp.nextArray();
        double[] prob = mdp.probArray();
        double acc = 0;
        for (int k = rowStart[row], e = rowStart[row + 1]; k < e; k++) acc += prob[k] * v[next[k]];
        return mdp.expectedRewardArray()[row] + mdp.discount() * acc;
    }

    /** (T^π V)(s) = Σ_a π(a|s) (R(s, a) + γ Σ P V); for a deterministic policy exactly the row value of π(s). */
    static double policyValue(Mdp mdp, Policy policy, int s, double[] v) {
        int actions = mdp.actions();
        return switch (policy) {
            case Policy.Deterministic d -> rowValue(mdp, s * actions + d.action(s), v);
            case Policy.Stochastic st -> {
                double[] pi = st.probabilities()[s];
                double x = 0;
                for (int a = 0; a < actions; a++) if (pi[a] != 0) x += pi[a] * rowValue(mdp, s * actions + a, v);
                yield x;
            }
        };
    }

    static void requireLength(double[] v, int n, String name) {
        if (v.length != n) throw new IllegalArgumentException(name + " has " + v.length + " entries, need " + n);
    }
}
