package org.alignlab.decision.mdp;

import java.util.Locale;
import org.alignlab.core.UsageException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * V^π of a deterministic or stochastic policy: exactly, by solving the Bellman expectation equation
 * (I − γ P_π) V = r_π as a dense linear system (Puterman 1994, Thm 6.1.1; Sutton &amp; Barto 2018, Eq. 4.4), or
 * iteratively, V_{k+1} = T^π V_k with the same stopping rule and bound as {@link ValueIteration}. With γ = 1 the policy
 * must terminate from every state (else the values are unbounded or I − P_π is singular); that is checked first.
 */
public final class PolicyEvaluation {
    /** The largest state count {@link #exact} accepts: a dense S×S system of 5000 states takes 200 MB. */
    public static final int DENSE_LIMIT = 5000;

    private PolicyEvaluation() {}

    /** V^π by a dense LU solve of (I − γ P_π) V = r_π. */
    public static double[] exact(Mdp mdp, Policy policy) {
        Policies.requireFits(policy, mdp);
        if (mdp.states() > DENSE_LIMIT) {
            throw new UsageException("exact policy evaluation solves a dense system and takes at most " + DENSE_LIMIT
                    + " states (got " + mdp.states() + "); use PolicyEvaluation.iterative");
        }
        Termination.requireProperIfUndiscounted(mdp, policy, "policy evaluation");
        return solve(system(mdp, policy, false), rewards(mdp, policy), "policy evaluation");
    }

    /** V^π by iterating T^π from V = 0 until ‖V − V^π‖∞ &lt; ε (γ &lt; 1) or the change is below ε (γ = 1). */
    public static double[] iterative(Mdp mdp, Policy policy, double epsilon) {
        return iterative(mdp, policy, epsilon, ValueIteration.Options.defaults().maxIterations());
    }

    public static double[] iterative(Mdp mdp, Policy policy, double epsilon, int maxIterations) {
        ValueIteration.Options options = new ValueIteration.Options(epsilon, maxIterations);
        Policies.requireFits(policy, mdp);
        Termination.requireProperIfUndiscounted(mdp, policy, "policy evaluation");
        double[] v = new double[mdp.states()];
        iterate(mdp, policy, v, options);
        return v;
    }

    /**
     * Iterates T^π in place of {@code v} (a warm start) until the stopping rule holds.
     *
     * @return the bound γδ/(1 − γ) on ‖v − V^π‖∞ (δ for γ = 1)
     */
    static double iterate(Mdp mdp, Policy policy, double[] v, ValueIteration.Options options) {
        int n = mdp.states();
        double gamma = mdp.discount();
        double[] out = new double[n];
        double delta = Double.NaN;
        for (int it = 1; it <= options.maxIterations(); it++) {
            delta = 0;
            for (int s = 0; s < n; s++) {
                out[s] = Bellman.policyValue(mdp, policy, s, v);
                delta = Math.max(delta, Math.abs(out[s] - v[s]));
            }
            System.arraycopy(out, 0, v, 0, n);
            double bound = gamma < 1 ? gamma * delta / (1 - gamma) : delta;
            if (bound < options.epsilon()) return bound;
            if (!Double.isFinite(delta)) break;
        }
        throw new UsageException(String.format(Locale.ROOT,
                "iterative policy evaluation did not converge in %d sweeps (last change %.3g, γ = %s)",
                options.maxIterations(), delta, gamma));
    }

    /** r_π(s) = Σ_a π(a|s) R(s, a). */
    static double[] rewards(Mdp mdp, Policy policy) {
        int n = mdp.states();
        int actions = mdp.actions();
        double[] rr = mdp.expectedRewardArray();
        double[] r = new double[n];
        for (int s = 0; s < n; s++) {
            double x = 0;
            for (int a = 0; a < actions; a++) {
                double p = policy.probability(s, a);
                if (p != 0) x += p * rr[s * actions + a];
            }
            r[s] = x;
        }
        return r;
    }

    /** I − γ P_π as a dense matrix, or its transpose; terminal states have identity rows (V = 0 there). */
    static DMatrixRMaj system(Mdp mdp, Policy policy, boolean transpose) {
        int n = mdp.states();
        int actions = mdp.actions();
        int[] rowStart = mdp.rowStartArray();
        int[] next = mdp.nextArray();
        double[] prob = mdp.probArray();
        double gamma = mdp.discount();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] d = m.data;
        for (int s = 0; s < n; s++) {
            d[s * n + s] = 1;
            for (int a = 0; a < actions; a++) {
                double p = policy.probability(s, a);
                if (p == 0) continue;
                int row = s * actions + a;
                for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
                    int t = next[k];
                    d[transpose ? t * n + s : s * n + t] -= gamma * p * prob[k];
                }
            }
        }
        return m;
    }

    /** Solves m x = b by LU with partial pivoting. */
    static double[] solve(DMatrixRMaj m, double[] b, String what) {
        int n = b.length;
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(m)) throw new UsageException(what + ": the linear system is singular");
        DMatrixRMaj rhs = DMatrixRMaj.wrap(n, 1, b.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        lu.solve(rhs, x);
        for (double xi : x.data) {
            if (!Double.isFinite(xi)) throw new UsageException(what + ": the linear system is singular");
        }
        return x.data;
    }
}
