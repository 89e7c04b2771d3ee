package org.alignlab.decision.impact;

import java.util.function.Function;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Bellman;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;
import org.alignlab.decision.mdp.PolicyIteration;
import org.alignlab.decision.mdp.ValueIteration;

/**
 * Attainable utilities Q_{R_i}(s, a) of the auxiliary reward functions, computed exactly by policy iteration (exact
 * evaluation up to its dense limit, {@link PolicyIteration}) on a known MDP (Turner, Hadfield-Menell and Tadepalli 2020: the attainable utility of R_i after action a is the optimal value
 * Q*_{R_i}(s, a)). The transitions and discount are the MDP's; its own rewards are ignored: R_i pays r_i(s') on
 * arriving in s', and terminal states are worth 0 afterwards.
 *
 * <p>Inaction rollouts (the paper's ablation "n-step", Sec. 5): with {@code rollout} = n, the utility compared is that
 * of taking a, then n − 1 no-ops, then acting optimally for R_i:
 * Q⁽ⁿ⁾_i(s, a) = Σ_s' P(s'|s,a) [r_i(s') + γ W_{n−1}(s')], with W_0 = V*_i and
 * W_k(s) = Σ_s' P(s'|s,∅) [r_i(s') + γ W_{k−1}(s')] (0 in a terminal state). n = 1 is the plain Q*_{R_i}(s, a);
 * the no-op's own value Q⁽ⁿ⁾_i(s, ∅) is then "wait n steps, then act optimally".
 */
public final class AttainableUtility {
    private final int noop;
    private final int rollout;
    private final double[][][] q;

    private AttainableUtility(int noop, int rollout, double[][][] q) {
        this.noop = noop;
        this.rollout = rollout;
        this.q = q;
    }

    /** Q*_{R_i} with the one-step inaction comparison (rollout 1), policy iteration with its defaults. */
    public static AttainableUtility solve(Mdp mdp, AuxiliaryRewards aux, int noop) {
        return solve(mdp, aux, noop, 1, PolicyIteration.Options.defaults());
    }

    /** With an n-step inaction rollout, policy iteration with its defaults. */
    public static AttainableUtility solve(Mdp mdp, AuxiliaryRewards aux, int noop, int rollout) {
        return solve(mdp, aux, noop, rollout, PolicyIteration.Options.defaults());
    }

    /**
     * @param noop    the index of the no-op action ∅ in {@code mdp}
     * @param rollout n ≥ 1: compare a then n − 1 no-ops against n no-ops (then optimal play in both)
     * @throws UsageException for a no-op outside the MDP's actions, rewards over another number of states, or a
     *                        rollout below 1
     */
    public static AttainableUtility solve(Mdp mdp, AuxiliaryRewards aux, int noop, int rollout,
                                         PolicyIteration.Options options) {
        return solve(mdp, aux, noop, new int[] {rollout}, ri -> PolicyIteration.solve(ri, options).values())[0];
    }

    /** The attainable utilities for several rollouts at once, from one policy-iteration solve per auxiliary reward. */
    public static AttainableUtility[] solve(Mdp mdp, AuxiliaryRewards aux, int noop, int[] rollouts,
                                           PolicyIteration.Options options) {
        return solve(mdp, aux, noop, rollouts, ri -> PolicyIteration.solve(ri, options).values());
    }

    /**
     * The attainable utilities for several rollouts at once, from one value-iteration solve of V*_{R_i} per auxiliary
     * reward (on MDPs of hundreds of states at γ near 1, cheaper than policy iteration's evaluations). The utilities
     * are within ε of the exact ones; actions that lead to the same successors get bit-identical utilities.
     *
     * @param rollouts n ≥ 1 for each result, in order
     * @param options  value iteration's ε and sweep limit
     */
    public static AttainableUtility[] solve(Mdp mdp, AuxiliaryRewards aux, int noop, int[] rollouts,
                                           ValueIteration.Options options) {
        return solve(mdp, aux, noop, rollouts, ri -> ValueIteration.solve(ri, options).values());
    }

    private static AttainableUtility[] solve(Mdp mdp, AuxiliaryRewards aux, int noop, int[] rollouts,
                                            Function<Mdp, double[]> optimalValues) {
        checkNoop(mdp, noop);
        for (int rollout : rollouts) {
            if (rollout < 1) {
                throw new UsageException("the inaction rollout must be at least 1 step (got " + rollout + ")");
            }
        }
        if (aux.count() > 0 && aux.states() != mdp.states()) {
            throw new UsageException("the auxiliary rewards cover " + aux.states() + " states, the MDP has "
                    + mdp.states());
        }
        double[][][][] q = new double[rollouts.length][aux.count()][][];
        for (int i = 0; i < aux.count(); i++) {
            Mdp ri = arrivalRewards(mdp, aux.values()[i]);
            double[] vStar = optimalValues.apply(ri);
            for (int r = 0; r < rollouts.length; r++) {
                double[] w = vStar;
                for (int k = 1; k < rollouts[r]; k++) {
                    double[][] qk = Bellman.q(ri, w);
                    double[] next = new double[w.length];
                    for (int s = 0; s < next.length; s++) next[s] = ri.terminal(s) ? 0 : qk[s][noop];
                    w = next;
                }
                q[r][i] = Bellman.q(ri, w);
            }
        }
        AttainableUtility[] out = new AttainableUtility[rollouts.length];
        for (int r = 0; r < rollouts.length; r++) out[r] = new AttainableUtility(noop, rollouts[r], q[r]);
        return out;
    }

    static void checkNoop(Mdp mdp, int noop) {
        if (noop < 0 || noop >= mdp.actions()) {
            throw new UsageException("the no-op action " + noop + " is not an action of the MDP (0.."
                    + (mdp.actions() - 1) + "); AUP compares every action with doing nothing");
        }
    }

    /** The MDP's transitions with reward r(s') on every transition into s' and no state rewards. */
    static Mdp arrivalRewards(Mdp mdp, double[] r) {
        MdpBuilder b = Mdp.builder(mdp.states(), mdp.actions()).discount(mdp.discount());
        for (int s = 0; s < mdp.states(); s++) {
            if (mdp.terminal(s)) {
                b.terminal(s);
                continue;
            }
            for (int a = 0; a < mdp.actions(); a++) {
                for (int k = mdp.rowStart(s, a); k < mdp.rowEnd(s, a); k++) {
                    b.transition(s, a, mdp.next(k), mdp.prob(k), r[mdp.next(k)]);
                }
            }
        }
        return b.initialDistribution(mdp.initialDistribution()).build();
    }

    /** |R|. */
    public int count() {
        return q.length;
    }

    public int noop() {
        return noop;
    }

    public int rollout() {
        return rollout;
    }

    /** Q_{R_i}(s, a) (with the rollout). */
    public double q(int i, int s, int a) {
        return q[i][s][a];
    }
}
