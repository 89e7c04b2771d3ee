package org.alignlab.decision.mdp;

import org.alignlab.core.UsageException;

/**
 * Howard's policy iteration (Howard 1960; Puterman 1994, Sec. 6.4): evaluate the current policy, make it greedy with
 * respect to its own Q^π, repeat until no state changes. Evaluation is exact (a dense LU solve, {@link
 * PolicyEvaluation#exact}) up to {@code denseLimit} states and iterative above that, warm-started from the previous
 * policy's values. A state switches action only when the greedy action beats its current one by more than the tie
 * tolerance (plus twice the evaluation error bound when evaluating iteratively), so the loop cannot cycle among tied
 * actions.
 *
 * <p>With γ = 1 the first policy is a proper one (every state reaches a terminal state, see {@link Termination}); a
 * later policy that does not terminate means the optimal values are unbounded and ends with a {@link UsageException}.
 */
public final class PolicyIteration {
    private PolicyIteration() {}

    /**
     * @param epsilon       error bound of iterative evaluation (used above {@code denseLimit} states)
     * @param maxIterations the most policy evaluations
     * @param denseLimit    the largest state count evaluated by a dense solve (at most {@link
     *                      PolicyEvaluation#DENSE_LIMIT})
     */
    public record Options(double epsilon, int maxIterations, int denseLimit) {
        public Options {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new UsageException("epsilon must be positive and finite (got " + epsilon + ")");
            }
            if (maxIterations < 1) throw new UsageException("maxIterations must be >= 1 (got " + maxIterations + ")");
            if (denseLimit < 0 || denseLimit > PolicyEvaluation.DENSE_LIMIT) {
                throw new UsageException("denseLimit must be in 0.." + PolicyEvaluation.DENSE_LIMIT);
            }
        }

        /** ε = 1e-10, at most 10,000 evaluations, dense solves up to 1000 states. */
        public static Options defaults() {
            return new Options(1e-10, 10_000, 1000);
        }

        public Options withDenseLimit(int limit) {
            return new Options(epsilon, maxIterations, limit);
        }
    }

    public static Solution solve(Mdp mdp) {
        return solve(mdp, Options.defaults());
    }

    /** Starts from the policy greedy in the immediate reward (γ &lt; 1) or from a proper policy (γ = 1). */
    public static Solution solve(Mdp mdp, Options options) {
        Policy.Deterministic start = mdp.discount() < 1
                ? Policies.greedy(Bellman.q(mdp, new double[mdp.states()]))
                : Termination.properPolicy(mdp);
        return solve(mdp, options, start);
    }

    public static Solution solve(Mdp mdp, Options options, Policy.Deterministic initial) {
        Policies.requireFits(initial, mdp);
        int n = mdp.states();
        double gamma = mdp.discount();
        boolean dense = n <= options.denseLimit();
        ValueIteration.Options evalOptions = new ValueIteration.Options(options.epsilon(),
                ValueIteration.Options.defaults().maxIterations());
        int[] actions = initial.actions().clone();
        Policy.Deterministic policy = new Policy.Deterministic(actions);
        double[] v = new double[n];
        for (int it = 1; it <= options.maxIterations(); it++) {
            Termination.requireProperIfUndiscounted(mdp, policy, it == 1 ? "policy iteration"
                    : "policy iteration (its values may be unbounded)");
            double evalError = 0;
            if (dense) {
                v = PolicyEvaluation.solve(PolicyEvaluation.system(mdp, policy, false),
                        PolicyEvaluation.rewards(mdp, policy), "policy evaluation");
            } else {
                evalError = PolicyEvaluation.iterate(mdp, policy, v, evalOptions);
            }
            double[][] q = Bellman.q(mdp, v);
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                int best = Policies.greedyAction(q[s]);
                double current = q[s][actions[s]];
                double margin = Policies.TIE_TOLERANCE * Math.max(1, Math.abs(current)) + 2 * gamma * evalError;
                if (best != actions[s] && q[s][best] > current + margin) {
                    actions[s] = best;
                    changed = true;
                }
            }
            if (!changed) {
                double residual = ValueIteration.residual(q, v);
                double bound = gamma < 1 ? residual / (1 - gamma) : Double.NaN;
                return new Solution(v, q, Policies.greedy(q), it, residual, bound);
            }
        }
        throw new UsageException("policy iteration did not settle in " + options.maxIterations() + " evaluations");
    }
}
