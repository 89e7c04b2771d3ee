package org.alignlab.decision.env;

import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.alignlab.decision.mdp.Mdp;

/**
 * A finite {@link Mdp} as an environment over state and action indices. {@code reset(seed)} seeds the environment's
 * own {@link SplittableRandom} and samples the start state from the MDP's initial distribution; each step samples
 * the successor from P(·|s,a) and pays R(s) + R(s,a,s'), and terminates on entering a terminal state. The MDP's
 * discount is not part of the environment (as in Gymnasium, the agent owns γ). An MDP without terminal states
 * never ends an episode by itself: register it with a {@code maxEpisodeSteps} or wrap it in {@link TimeLimit}.
 */
public final class MdpEnv implements Env<Integer, Integer> {
    private final EnvSpec spec;
    private final Mdp mdp;
    private final Space.Discrete observationSpace;
    private final Space.Discrete actionSpace;
    private final double[] initial;
    private SplittableRandom rng;
    private int state = -1;
    private boolean finished;

    /** With the ad-hoc spec {@code mdp/Mdp-v0}. */
    public MdpEnv(Mdp mdp) {
        this(EnvSpec.of("mdp/Mdp-v0"), mdp);
    }

    /**
     * @throws EnvException when the initial distribution puts mass on a terminal state (the episode would end before
     *                      its first step)
     */
    public MdpEnv(EnvSpec spec, Mdp mdp) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.mdp = Objects.requireNonNull(mdp, "mdp");
        this.observationSpace = new Space.Discrete(mdp.states());
        this.actionSpace = new Space.Discrete(mdp.actions());
        this.initial = mdp.initialDistribution();
        for (int s = 0; s < initial.length; s++) {
            if (initial[s] > 0 && mdp.terminal(s)) {
                throw new EnvException(spec.id() + ": the initial distribution puts mass on terminal state "
                        + mdp.stateName(s) + "; an episode would end before its first step");
            }
        }
    }

    public Mdp mdp() {
        return mdp;
    }

    /** The current state, or -1 before the first reset. */
    public int state() {
        return state;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Space<Integer> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public Reset<Integer> reset(long seed) {
        rng = new SplittableRandom(seed);
        state = Mdp.sample(initial, rng.nextDouble());
        finished = false;
        return Reset.of(state);
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (rng == null) throw EnvException.notReset(spec);
        if (finished) throw EnvException.finished(spec);
        if (!actionSpace.contains(action)) throw EnvException.actionOutside(spec, action, actionSpace);
        int a = action;
        int start = mdp.rowStart(state, a);
        int end = mdp.rowEnd(state, a);
        double u = rng.nextDouble();
        int k = -1;
        double cumulative = 0;
        for (int j = start; j < end; j++) {
            if (mdp.prob(j) <= 0) continue;
            k = j; // rounding: a u beyond the cumulative sum falls on the last possible successor
            cumulative += mdp.prob(j);
            if (u < cumulative) break;
        }
        double reward = mdp.stateReward(state) + mdp.transitionReward(k);
        state = mdp.next(k);
        finished = mdp.terminal(state);
        return new Step<>(state, reward, finished, false, Map.of());
    }
}
