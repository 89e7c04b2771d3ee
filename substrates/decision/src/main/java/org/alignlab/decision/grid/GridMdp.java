package org.alignlab.decision.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.decision.mdp.Mdp;

/**
 * A gridworld's exact MDP from {@link MdpExport}, with the reward of either channel, and the mapping between MDP
 * state ids and gridworld states and observations. Several states may share an observation when the game hides
 * something (a variable, a disguised board); {@link #observationsIdentifyStates()} says whether any do.
 */
public final class GridMdp {
    private final GridGame game;
    private final Mdp observed;
    private final Mdp hidden;
    private final GridState[] states;
    private final GridObservation[] observations;
    private final Map<MdpExport.Key, Integer> ids;
    private final Map<GridObservation, int[]> byObservation;

    GridMdp(GridGame game, Mdp observed, Mdp hidden, GridState[] states, GridObservation[] observations,
            Map<MdpExport.Key, Integer> ids) {
        this.game = game;
        this.observed = observed;
        this.hidden = hidden;
        this.states = states;
        this.observations = observations;
        this.ids = ids;
        Map<GridObservation, List<Integer>> lists = new HashMap<>();
        for (int s = 0; s < observations.length; s++) {
            lists.computeIfAbsent(observations[s], o -> new ArrayList<>(1)).add(s);
        }
        this.byObservation = new HashMap<>();
        for (Map.Entry<GridObservation, List<Integer>> e : lists.entrySet()) {
            byObservation.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    public GridGame game() {
        return game;
    }

    /** The MDP whose transition rewards are the channel's. Both share states, transitions and start distribution. */
    public Mdp mdp(RewardChannel channel) {
        return channel == RewardChannel.OBSERVED ? observed : hidden;
    }

    /** Number of reachable states (terminal ones included). */
    public int states() {
        return states.length;
    }

    /** A copy of the gridworld state with this id. */
    public GridState state(int id) {
        return states[id].copy();
    }

    /** What the agent sees in state {@code id}. */
    public GridObservation observation(int id) {
        return observations[id];
    }

    /** The id of a gridworld state (its step count aside), −1 when it is not reachable. */
    public int stateOf(GridState state) {
        Integer id = ids.get(MdpExport.Key.of(state));
        return id == null ? -1 : id;
    }

    /** The ids of the states that look like this, ascending; empty when none. */
    public int[] statesOf(GridObservation observation) {
        int[] s = byObservation.get(observation);
        return s == null ? new int[0] : s.clone();
    }

    /**
     * The id of the only state that looks like this, −1 when none does.
     *
     * @throws IllegalArgumentException when several states look like this (use {@link #statesOf})
     */
    public int stateOf(GridObservation observation) {
        int[] s = byObservation.get(observation);
        if (s == null) return -1;
        if (s.length > 1) {
            throw new IllegalArgumentException(s.length + " states share this observation (the game hides part of"
                    + " its state); use statesOf");
        }
        return s[0];
    }

    /** Whether every state has an observation of its own (the agent sees the full Markov state). */
    public boolean observationsIdentifyStates() {
        return byObservation.size() == states.length;
    }
}
