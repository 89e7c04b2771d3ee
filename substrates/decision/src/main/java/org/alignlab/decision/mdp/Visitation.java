package org.alignlab.decision.mdp;

import java.util.Collections;
import java.util.List;
import org.alignlab.core.UsageException;

/**
 * State-visitation frequencies of a policy from the MDP's start distribution μ0.
 *
 * <p>Discounted: ρ(s) = Σ_t γ^t Pr(s_t = s), the solution of (I − γ P_π)ᵀ ρ = μ0 (Puterman 1994, Thm 6.9.1; the
 * unnormalised occupancy measure). Without terminal states Σ_s ρ(s) = 1/(1 − γ). A terminal state is counted at the
 * step it is entered and the episode ends there, so with terminal states the sum is the expected discounted number of
 * steps including the terminal one. With γ = 1 the policy must terminate from every state; ρ(s) is then the expected
 * number of visits to s in an episode.
 *
 * <p>Finite horizon: d_t(s) = Pr(s_t = s) for t = 0..H−1, by forward propagation d_{t+1} = P_πᵀ d_t, undiscounted.
 */
public final class Visitation {
    /** Up to this many states {@link #discounted} solves the dense system; above, it propagates forward. */
    public static final int DENSE_LIMIT = 1000;

    /** Relative accuracy of forward propagation: it stops when the mass still to come is below 1e-12 of the total. */
    static final double TAIL_TOLERANCE = 1e-12;

    private static final int MAX_STEPS = 10_000_000;

    private Visitation() {}

    /** ρ(s) = Σ_t γ^t Pr(s_t = s | s_0 ~ μ0, π). */
    public static double[] discounted(Mdp mdp, Policy policy) {
        Policies.requireFits(policy, mdp);
        Termination.requireProperIfUndiscounted(mdp, policy, "visitation");
        if (mdp.states() <= DENSE_LIMIT) {
            return PolicyEvaluation.solve(PolicyEvaluation.system(mdp, policy, true), mdp.initialDistribution(),
                    "visitation");
        }
        return discountedByPropagation(mdp, policy);
    }

    /** ρ by summing γ^t d_t forward until the mass still to come is below {@link #TAIL_TOLERANCE} of the total. */
    static double[] discountedByPropagation(Mdp mdp, Policy policy) {
        int n = mdp.states();
        double gamma = mdp.discount();
        double[] rho = new double[n];
        double[] d = mdp.initialDistribution();
        double[] nd = new double[n];
        double total = 0;
        for (int t = 0; t < MAX_STEPS; t++) {
            double mass = 0;
            for (int s = 0; s < n; s++) {
                rho[s] += d[s];
                mass += d[s];
            }
            total += mass;
            // Each later step carries at most γ times the mass of the one before it.
            double tail = gamma < 1 ? mass * gamma / (1 - gamma) : mass;
            if (tail <= TAIL_TOLERANCE * total || mass == 0) return rho;
            step(mdp, policy, gamma, d, nd);
            double[] x = d;
            d = nd;
            nd = x;
        }
        throw new UsageException("visitation did not converge in " + MAX_STEPS + " steps");
    }

    /** d_t(s) = Pr(s_t = s) for t = 0..H−1 under a stationary policy. */
    public static double[][] finiteHorizon(Mdp mdp, Policy policy, int horizon) {
        if (horizon < 0) throw new UsageException("horizon must be >= 0 (got " + horizon + ")");
        return finiteHorizon(mdp, Collections.nCopies(horizon, policy));
    }

    /** d_t(s) = Pr(s_t = s) for t = 0..H−1 under the time-dependent policy π_0..π_{H−1} (H = its size). */
    public static double[][] finiteHorizon(Mdp mdp, List<? extends Policy> policies) {
        int horizon = policies.size();
        for (Policy p : policies) Policies.requireFits(p, mdp);
        double[][] out = new double[horizon][];
        if (horizon == 0) return out;
        out[0] = mdp.initialDistribution();
        for (int t = 1; t < horizon; t++) {
            out[t] = new double[mdp.states()];
            step(mdp, policies.get(t - 1), 1.0, out[t - 1], out[t]);
        }
        return out;
    }

    /** nd = γ P_πᵀ d; mass in terminal states stops there. */
    private static void step(Mdp mdp, Policy policy, double gamma, double[] d, double[] nd) {
        int actions = mdp.actions();
        int[] rowStart = mdp.rowStartArray();
        int[] next = mdp.nextArray();
        double[] prob = mdp.probArray();
        java.util.Arrays.fill(nd, 0);
        for (int s = 0; s < d.length; s++) {
            if (d[s] == 0) continue;
            for (int a = 0; a < actions; a++) {
                double pa = policy.probability(s, a);
                if (pa == 0) continue;
                double w = gamma * d[s] * pa;
                int row = s * actions + a;
                for (int k = rowStart[row]; k < rowStart[row + 1]; k++) nd[next[k]] += w * prob[k];
            }
        }
    }
}
