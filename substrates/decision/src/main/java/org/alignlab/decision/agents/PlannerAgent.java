package org.alignlab.decision.agents;

import java.util.Objects;
import java.util.function.ToIntFunction;
import org.alignlab.decision.mdp.Mdp;

/**
 * An agent that acts greedily on action values computed elsewhere and never learns: the exact planner for the
 * observed reward, plugged into the same loop as the learners. Given Q* of the observed-reward MDP (from a value
 * iteration solver), it is the "optimal proxy optimiser" of specification-gaming experiments. Observations map to
 * the MDP's state indices with {@code stateIndex}. Deterministic: ties go to the lowest action index.
 */
public final class PlannerAgent<O> implements TabularAgent<O> {
    private final ToIntFunction<? super O> stateIndex;
    private final double[][] q;

    /** @param q Q(s, a) for every state index s; copied */
    public PlannerAgent(ToIntFunction<? super O> stateIndex, double[][] q) {
        this.stateIndex = Objects.requireNonNull(stateIndex, "stateIndex");
        if (q.length == 0 || q[0].length == 0) throw new IllegalArgumentException("Q needs states and actions");
        this.q = new double[q.length][];
        for (int s = 0; s < q.length; s++) {
            if (q[s].length != q[0].length) throw new IllegalArgumentException("Q rows differ in length at state " + s);
            this.q[s] = q[s].clone();
        }
    }

    /** An agent over the MDP's own state indices (as {@link org.alignlab.decision.env.MdpEnv} observes them). */
    public static PlannerAgent<Integer> forStates(double[][] q) {
        return new PlannerAgent<>(Integer::intValue, q);
    }

    /**
     * Greedy in Q(s, a) = R(s) + Σ_s' P(s'|s,a) [R(s,a,s') + γ V(s')], one Bellman backup of the given state values
     * with the MDP's discount, V = 0 at terminal states (Sutton &amp; Barto 2018, eq. 4.6). With V = V* this is Q*.
     */
    public static <O> PlannerAgent<O> fromValues(Mdp mdp, double[] values, ToIntFunction<? super O> stateIndex) {
        if (values.length != mdp.states()) {
            throw new IllegalArgumentException("need " + mdp.states() + " state values, got " + values.length);
        }
        double gamma = mdp.discount();
        double[][] q = new double[mdp.states()][mdp.actions()];
        for (int s = 0; s < mdp.states(); s++) {
            if (mdp.terminal(s)) continue;
            for (int a = 0; a < mdp.actions(); a++) {
                double x = mdp.stateReward(s);
                for (int k = mdp.rowStart(s, a), e = mdp.rowEnd(s, a); k < e; k++) {
                    int next = mdp.next(k);
                    x += mdp.prob(k) * (mdp.transitionReward(k) + gamma * (mdp.terminal(next) ? 0 : values[next]));
                }
                q[s][a] = x;
            }
        }
        return new PlannerAgent<>(stateIndex, q);
    }

    @Override
    public int actions() {
        return q[0].length;
    }

    @Override
    public int act(O observation) {
        return greedy(observation);
    }

    @Override
    public void observe(Transition<O> transition) {}

    @Override
    public void endEpisode() {}

    @Override
    public int greedy(O observation) {
        return Exploration.greedy(row(observation));
    }

    @Override
    public double[] qValues(O observation) {
        return row(observation).clone();
    }

    private double[] row(O observation) {
        int s = stateIndex.applyAsInt(observation);
        if (s < 0 || s >= q.length) {
            throw new IllegalArgumentException("observation " + observation + " maps to state " + s + ", not in 0.."
                    + (q.length - 1));
        }
        return q[s];
    }
}
