package org.alignlab.decision.mdp;

/**
 * An optimal (within the stated bound) solution of a discounted or terminating MDP, as {@link ValueIteration} and
 * {@link PolicyIteration} return it. The arrays are held, not copied: do not modify them.
 *
 * @param values     V(s), an approximation of V*
 * @param q          Q(s, a) = R(s, a) + γ Σ P V, one lookahead from {@code values}
 * @param policy     the greedy policy of {@code q}, ties to the lowest action index ({@link Policies#greedy})
 * @param iterations value iteration: synchronous sweeps; policy iteration: policy evaluations
 * @param residual   ‖T*V − V‖∞, the Bellman optimality residual at {@code values}
 * @param errorBound a proven bound on ‖V − V*‖∞ (for value iteration γδ/(1 − γ) with δ the last sweep's change,
 *                   Puterman 1994, Thm 6.3.1; for policy iteration residual/(1 − γ)); NaN when γ = 1, where no
 *                   contraction bound holds
 */
public record Solution(double[] values, double[][] q, Policy.Deterministic policy, int iterations, double residual,
                       double errorBound) {
    public int states() {
        return values.length;
    }

    /** V(s). */
    public double value(int s) {
        return values[s];
    }

    /** Q(s, a). */
    public double q(int s, int a) {
        return q[s][a];
    }

    /** The greedy action in s. */
    public int action(int s) {
        return policy.action(s);
    }

    /** Σ_s μ0(s) V(s): the value of the MDP's start distribution. */
    public double startValue(Mdp mdp) {
        double[] mu = mdp.initialDistribution();
        double x = 0;
        for (int s = 0; s < mu.length; s++) x += mu[s] * values[s];
        return x;
    }
}
