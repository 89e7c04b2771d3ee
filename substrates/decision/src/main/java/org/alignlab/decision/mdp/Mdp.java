package org.alignlab.decision.mdp;

import java.util.SplittableRandom;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A finite Markov decision process with sparse transitions, stored row by row (one row per state-action pair, as in
 * compressed sparse row form): successors, their probabilities and the reward R(s, a, s') of each transition, plus a
 * state reward R(s) received at every step taken from s. The expected immediate reward of (s, a) is
 * R(s) + Σ_s' P(s'|s,a) R(s,a,s'); it is computed once, at construction, for the solvers. Terminal states end the
 * episode: their value is 0, they have no transitions, and no reward is received in them (their expected reward is 0).
 *
 * <p>Immutable; build one with {@link #builder(int, int)}. Every non-terminal (s, a) row is a probability
 * distribution (sums to 1 within 1e-9), checked at build time, and lists its successors in increasing order.
 */
public final class Mdp {
    /** How far a row's probabilities may be from summing to one. */
    public static final double PROBABILITY_TOLERANCE = 1e-9;

    private final int states;
    private final int actions;
    private final double discount;
    private final int[] rowStart;
    private final int[] next;
    private final double[] prob;
    private final double[] reward;
    private final double[] stateReward;
    private final double[] rowReward;
    private final boolean[] terminal;
    private final double[] initial;
    private final String[] stateNames;
    private final String[] actionNames;
    // The transitions regrouped for fast sweeps of large MDPs, built on first use; shared with the MDPs derived from
    // this one, which have the same transitions. Holds null until built, Optional.empty() when rows are unsorted.
    private final AtomicReference<Optional<SegmentedTransitions>> segmented;

    Mdp(int states, int actions, double discount, int[] rowStart, int[] next, double[] prob, double[] reward,
        double[] stateReward, boolean[] terminal, double[] initial, String[] stateNames, String[] actionNames) {
        this(states, actions, discount, rowStart, next, prob, reward, stateReward,
                rowRewards(states, actions, rowStart, prob, reward, stateReward, terminal), terminal, initial,
                stateNames, actionNames, new AtomicReference<>());
    }

    private Mdp(int states, int actions, double discount, int[] rowStart, int[] next, double[] prob, double[] reward,
                double[] stateReward, double[] rowReward, boolean[] terminal, double[] initial, String[] stateNames,
                String[] actionNames, AtomicReference<Optional<SegmentedTransitions>> segmented) {
        this.states = states;
        this.actions = actions;
        this.discount = discount;
        this.rowStart = rowStart;
        this.next = next;
        this.prob = prob;
        this.reward = reward;
        this.stateReward = stateReward;
        this.rowReward = rowReward;
        this.terminal = terminal;
        this.initial = initial;
        this.stateNames = stateNames;
        this.actionNames = actionNames;
        this.segmented = segmented;
    }

    // R(s, a) = R(s) + Σ_s' P(s'|s,a) R(s,a,s') for every row, in row order; 0 for the rows of terminal states.
    private static double[] rowRewards(int states, int actions, int[] rowStart, double[] prob, double[] reward,
                                       double[] stateReward, boolean[] terminal) {
        double[] out = new double[states * actions];
        for (int s = 0; s < states; s++) {
            if (terminal[s]) continue;
            for (int a = 0; a < actions; a++) {
                int row = s * actions + a;
                double r = stateReward[s];
                for (int k = rowStart[row], e = rowStart[row + 1]; k < e; k++) r += prob[k] * reward[k];
                out[row] = r;
            }
        }
        return out;
    }

    public static MdpBuilder builder(int states, int actions) {
        return new MdpBuilder(states, actions);
    }

    public int states() {
        return states;
    }

    public int actions() {
        return actions;
    }

    /** γ in [0, 1]; 1 only for episodic problems whose policies all terminate. */
    public double discount() {
        return discount;
    }

    /** The same MDP with another discount (shares the arrays). */
    public Mdp withDiscount(double gamma) {
        MdpBuilder.checkDiscount(gamma);
        return new Mdp(states, actions, gamma, rowStart, next, prob, reward, stateReward, rowReward, terminal, initial,
                stateNames, actionNames, segmented);
    }

    /** The same transitions with other state rewards R(s) and no transition rewards (for reward sampling). */
    public Mdp withStateRewards(double[] rewards) {
        if (rewards.length != states) throw new IllegalArgumentException("need " + states + " state rewards");
        double[] noTransitionRewards = new double[prob.length];
        double[] r = rewards.clone();
        return new Mdp(states, actions, discount, rowStart, next, prob, noTransitionRewards, r,
                rowRewards(states, actions, rowStart, prob, noTransitionRewards, r, terminal), terminal, initial,
                stateNames, actionNames, segmented);
    }

    public boolean terminal(int s) {
        return terminal[s];
    }

    /** Index of the first transition of (s, a) in the sparse arrays. */
    public int rowStart(int s, int a) {
        return rowStart[s * actions + a];
    }

    /** One past the last transition of (s, a). */
    public int rowEnd(int s, int a) {
        return rowStart[s * actions + a + 1];
    }

    /** Successor state of transition k. */
    public int next(int k) {
        return next[k];
    }

    /** P(s'|s,a) of transition k. */
    public double prob(int k) {
        return prob[k];
    }

    /** R(s, a, s') of transition k (the state reward R(s) is separate). */
    public double transitionReward(int k) {
        return reward[k];
    }

    /** R(s), received at every step taken from s. */
    public double stateReward(int s) {
        return stateReward[s];
    }

    /** R(s, a) = R(s) + Σ_s' P(s'|s,a) R(s,a,s'); 0 for a terminal state. */
    public double expectedReward(int s, int a) {
        return rowReward[s * actions + a];
    }

    /** The start-state distribution (uniform over non-terminal states unless the builder said otherwise). */
    public double[] initialDistribution() {
        return initial.clone();
    }

    /** Number of stored transitions (non-zeros). */
    /**
     * The index of a distribution {@code p} that a uniform draw {@code u} in [0, 1) selects, by cumulative
     * probability; entries of probability 0 are never chosen (rounding falls on the last possible one).
     */
    public static int sample(double[] p, double u) {
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] <= 0) continue;
            last = i;
            cumulative += p[i];
            if (u < cumulative) return i;
        }
        return last;
    }

    /**
     * A transition index k of (s, a) drawn from its probabilities; draws from {@code rng} only when (s, a) has more
     * than one successor, so deterministic rows leave the stream untouched.
     */
    public int sampleTransition(int s, int a, SplittableRandom rng) {
        int start = rowStart(s, a);
        int end = rowEnd(s, a);
        if (end - start == 1) return start;
        double u = rng.nextDouble();
        double acc = 0;
        for (int k = start; k < end; k++) {
            acc += prob(k);
            if (u < acc) return k;
        }
        return end - 1;
    }

    public int transitionCount() {
        return next.length;
    }

    public String stateName(int s) {
        return stateNames == null ? Integer.toString(s) : stateNames[s];
    }

    public String actionName(int a) {
        return actionNames == null ? Integer.toString(a) : actionNames[a];
    }

    /** Raw arrays for solvers in this package and its callers that need speed; never modify them. */
    public int[] rowStartArray() {
        return rowStart;
    }

    public int[] nextArray() {
        return next;
    }

    public double[] probArray() {
        return prob;
    }

    public double[] rewardArray() {
        return reward;
    }

    public double[] stateRewardArray() {
        return stateReward;
    }

    /** R(s, a) of every row (index s·actions + a), as {@link #expectedReward(int, int)} gives it. */
    public double[] expectedRewardArray() {
        return rowReward;
    }

    /** The segmented layout for sweeps ({@link SegmentedTransitions#SEGMENT_BITS}), built once; null if unusable. */
    SegmentedTransitions segmented() {
        Optional<SegmentedTransitions> x = segmented.get();
        if (x == null) {
            synchronized (segmented) {
                x = segmented.get();
                if (x == null) {
                    x = Optional.ofNullable(
                            SegmentedTransitions.of(this, SegmentedTransitions.SEGMENT_BITS));
                    segmented.set(x);
                }
            }
        }
        return x.orElse(null);
    }

    @Override
    public String toString() {
        return "Mdp[" + states + " states, " + actions + " actions, " + next.length + " transitions, γ=" + discount
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Mdp m)) return false;
        return states == m.states && actions == m.actions && Double.compare(discount, m.discount) == 0
                && Arrays.equals(rowStart, m.rowStart) && Arrays.equals(next, m.next) && Arrays.equals(prob, m.prob)
                && Arrays.equals(reward, m.reward) && Arrays.equals(stateReward, m.stateReward)
                && Arrays.equals(terminal, m.terminal) && Arrays.equals(initial, m.initial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(states, actions, discount, Arrays.hashCode(next), Arrays.hashCode(prob));
    }
}
