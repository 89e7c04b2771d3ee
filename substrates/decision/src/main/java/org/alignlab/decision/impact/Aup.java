package org.alignlab.decision.impact;

import java.util.Locale;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;
import org.alignlab.decision.mdp.Solution;
import org.alignlab.decision.mdp.PolicyIteration;

/**
 * Attainable utility preservation (Turner, Hadfield-Menell and Tadepalli 2020, "Conservative Agency via Attainable
 * Utility Preservation", AIES, arXiv:1902.09725, Sec. 3) on a known MDP with a no-op action ∅:
 *
 * <pre>
 *   PENALTY(s, a) = Σ_i |Q_{R_i}(s, a) − Q_{R_i}(s, ∅)|                      (the paper's Eq. 1)
 *   SCALE(s)      = Σ_i Q_{R_i}(s, ∅)                                        (Eq. 2)
 *   R_AUP(s, a)   = R(s, a) − λ · PENALTY(s, a) / SCALE(s)                   (Eq. 3)
 * </pre>
 *
 * The comparison with ∅ at every step is the paper's stepwise inaction baseline: doing nothing costs no penalty. The
 * attainable utilities Q_{R_i} come from {@link AttainableUtility} (exact planning, optionally with n-step inaction
 * rollouts); the AUP agent is the optimal policy of the MDP whose rewards are R_AUP ({@link #solve}).
 *
 * <p>{@link Scaling} chooses the normaliser: the paper's sum (with |·| so that negative auxiliary rewards stay
 * sensible; the same for the paper's rewards in [0, 1]), the mean of per-function ratios
 * (1/|R|) Σ_i |ΔQ_i| / Q_i(s, ∅) (the normalisation of the authors' later write-ups), or none. A zero normaliser is
 * replaced by 1.
 */
public final class Aup {
    /** How PENALTY is normalised before λ multiplies it. */
    public enum Scaling {
        /** PENALTY(s, a) / Σ_i |Q_{R_i}(s, ∅)|: the paper's Eq. 2–3. */
        NOOP_SUM,
        /** (1/|R|) Σ_i |Q_{R_i}(s, a) − Q_{R_i}(s, ∅)| / |Q_{R_i}(s, ∅)|. */
        PER_FUNCTION,
        /** PENALTY(s, a) itself. */
        NONE;

        /** Parses "noop-sum", "per-function" or "none" (case and '_'/'-' insensitive). */
        public static Scaling parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Scaling s : values()) if (s.name().equals(t)) return s;
            throw new UsageException("unknown AUP scaling '" + text + "': use noop-sum, per-function or none");
        }
    }

    private final Mdp mdp;
    private final AttainableUtility au;
    private final Scaling scaling;
    private final double[][] scaled; // PENALTY/SCALE (or the chosen variant) per (s, a); 0 in terminal states

    /**
     * @param mdp     the environment with its primary reward R
     * @param au      attainable utilities of the auxiliary rewards on the same MDP
     * @param scaling the normaliser of the penalty
     */
    public Aup(Mdp mdp, AttainableUtility au, Scaling scaling) {
        if (scaling == null) throw new UsageException("the AUP scaling must not be null");
        AttainableUtility.checkNoop(mdp, au.noop());
        this.mdp = mdp;
        this.au = au;
        this.scaling = scaling;
        this.scaled = new double[mdp.states()][mdp.actions()];
        for (int s = 0; s < mdp.states(); s++) {
            if (mdp.terminal(s)) continue;
            for (int a = 0; a < mdp.actions(); a++) scaled[s][a] = computeScaled(s, a);
        }
    }

    /** Exact AUP with the paper's scaling and the one-step comparison: Q_{R_i} = Q*_{R_i} by value iteration. */
    public static Aup exact(Mdp mdp, AuxiliaryRewards aux, int noop) {
        return new Aup(mdp, AttainableUtility.solve(mdp, aux, noop), Scaling.NOOP_SUM);
    }

    public Mdp mdp() {
        return mdp;
    }

    public AttainableUtility attainableUtility() {
        return au;
    }

    public Scaling scaling() {
        return scaling;
    }

    /** PENALTY(s, a) = Σ_i |Q_{R_i}(s, a) − Q_{R_i}(s, ∅)| (Eq. 1); 0 for the no-op by construction. */
    public double penalty(int s, int a) {
        int noop = au.noop();
        double p = 0;
        for (int i = 0; i < au.count(); i++) p += Math.abs(au.q(i, s, a) - au.q(i, s, noop));
        return p;
    }

    /** SCALE(s) = Σ_i |Q_{R_i}(s, ∅)| (Eq. 2), 1 when that is 0. */
    public double scale(int s) {
        double x = 0;
        for (int i = 0; i < au.count(); i++) x += Math.abs(au.q(i, s, au.noop()));
        return x == 0 ? 1 : x;
    }

    /** The normalised penalty that λ multiplies, as {@link Scaling} says. */
    public double scaledPenalty(int s, int a) {
        return scaled[s][a];
    }

    private double computeScaled(int s, int a) {
        int n = au.count();
        double[] qa = new double[n];
        double[] qnoop = new double[n];
        for (int i = 0; i < n; i++) {
            qa[i] = au.q(i, s, a);
            qnoop[i] = au.q(i, s, au.noop());
        }
        return scaledPenalty(scaling, qa, qnoop);
    }

    /**
     * The normalised penalty of one action from the attainable utilities after it, {@code qa[i]} = Q_{R_i}(s, a), and
     * after the no-op, {@code qnoop[i]} = Q_{R_i}(s, ∅), as {@link Scaling} says (Eqs. 1–2); 0 with no auxiliary
     * rewards. Shared by the planned agent and the learned one ({@link LearnedAup}), which passes its current
     * estimates.
     */
    static double scaledPenalty(Scaling scaling, double[] qa, double[] qnoop) {
        int n = qa.length;
        if (n == 0) return 0;
        double penalty = 0;
        double scale = 0;
        double perFunction = 0;
        for (int i = 0; i < n; i++) {
            double diff = Math.abs(qa[i] - qnoop[i]);
            double base = Math.abs(qnoop[i]);
            penalty += diff;
            scale += base;
            perFunction += diff / (base == 0 ? 1 : base);
        }
        return switch (scaling) {
            case NOOP_SUM -> penalty / (scale == 0 ? 1 : scale);
            case NONE -> penalty;
            case PER_FUNCTION -> perFunction / n;
        };
    }

    /** R_AUP(s, a) = R(s, a) − λ · scaled penalty (Eq. 3), R(s, a) the MDP's expected immediate reward. */
    public double reward(int s, int a, double lambda) {
        checkLambda(lambda);
        return mdp.expectedReward(s, a) - lambda * scaled[s][a];
    }

    /** The MDP with the same transitions whose rewards are R_AUP: each transition of (s, a) pays λ·penalty less. */
    public Mdp aupMdp(double lambda) {
        checkLambda(lambda);
        MdpBuilder b = Mdp.builder(mdp.states(), mdp.actions()).discount(mdp.discount());
        for (int s = 0; s < mdp.states(); s++) {
            if (mdp.terminal(s)) {
                b.terminal(s);
                continue;
            }
            b.stateReward(s, mdp.stateReward(s));
            for (int a = 0; a < mdp.actions(); a++) {
                double cost = lambda * scaled[s][a];
                for (int k = mdp.rowStart(s, a); k < mdp.rowEnd(s, a); k++) {
                    b.transition(s, a, mdp.next(k), mdp.prob(k), mdp.transitionReward(k) - cost);
                }
            }
        }
        return b.initialDistribution(mdp.initialDistribution()).build();
    }

    /** The AUP agent: the optimal policy for R_AUP with this λ (λ = 0: the plain optimal agent), by policy iteration. */
    public Solution solve(double lambda) {
        return PolicyIteration.solve(aupMdp(lambda));
    }

    /** The same with the policy-iteration options given (e.g. iterative evaluation on MDPs of hundreds of states). */
    public Solution solve(double lambda, PolicyIteration.Options options) {
        return PolicyIteration.solve(aupMdp(lambda), options);
    }

    private static void checkLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new UsageException("λ must be finite and >= 0 (got " + lambda + ")");
        }
    }
}
