package org.alignlab.decision.mdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The time-dependent optimal values and policy of a finite-horizon problem ({@link FiniteHorizon}). The arrays are
 * held, not copied: do not modify them.
 *
 * @param horizon H, the number of decisions
 * @param values  {@code values[t][s]} = V_t(s), the optimal value with H − t steps to go, t = 0..H
 *                ({@code values[H]} is all zeros)
 * @param actions {@code actions[t][s]} = π_t(s), t = 0..H−1
 */
public record FiniteHorizonSolution(int horizon, double[][] values, int[][] actions) {
    /** V_t(s). */
    public double value(int t, int s) {
        return values[t][s];
    }

    /** π_t(s). */
    public int action(int t, int s) {
        return actions[t][s];
    }

    /** π_t as a policy. */
    public Policy.Deterministic policyAt(int t) {
        return new Policy.Deterministic(actions[t]);
    }

    /** π_0, ..., π_{H−1}, for {@link Visitation#finiteHorizon(Mdp, List)}. */
    public List<Policy.Deterministic> policies() {
        List<Policy.Deterministic> list = new ArrayList<>(horizon);
        for (int t = 0; t < horizon; t++) list.add(policyAt(t));
        return List.copyOf(list);
    }
}
