package org.alignlab.decision.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.MdpBuilder;

/**
 * The exact transition table of a small gridworld as an {@link Mdp}, for exact planners. The reachable states are
 * found by breadth-first search over the simulator itself, from every start state of {@link GridGame#start}; every
 * random effect is enumerated through {@link Chance} with its probability, so the table is the simulator's own:
 * P(s'|s,a) is the total probability of the outcome sequences of step (s, a) that end in s', and R(s,a,s') the
 * reward of those sequences (their probability-weighted mean when several differ, which keeps the expected reward
 * exact). A step that terminates the episode leads to a terminal state (the terminal flag is part of the state).
 *
 * <p>The time limit is not part of the MDP (it truncates, it is not a state); the rules must not read the step
 * count. State ids follow the search order, so the same game always gives the same MDP.
 */
public final class MdpExport {
    /**
     * At most this many (state, action, outcome) branches are enumerated (about 200 MB of tables): games with many
     * independent random draws per step (tomato watering: one per tomato) fail here quickly instead of running out
     * of memory.
     */
    public static final int MAX_TRANSITIONS = 4_000_000;

    /** The default bound on reachable states. */
    public static final int DEFAULT_MAX_STATES = 250_000;
    /** The bound on the random outcome sequences of one step. */
    public static final int MAX_BRANCHES = 1 << 20;

    private MdpExport() {}

    /** Exports with at most {@link #DEFAULT_MAX_STATES} states. */
    public static GridMdp export(GridGame game, double discount) {
        return export(game, discount, DEFAULT_MAX_STATES);
    }

    /**
     * Enumerates the reachable states and builds the MDP for both reward channels.
     *
     * @param discount  γ of the exported MDPs
     * @param maxStates refuse (with an {@link EnvException}) games with more reachable states
     */
    public static GridMdp export(GridGame game, double discount, int maxStates) {
        if (maxStates < 1) throw new IllegalArgumentException("maxStates must be >= 1");
        EnumeratingChance chance = new EnumeratingChance(MAX_BRANCHES);
        GridState work = game.newState();
        Turn turn = new Turn(game);
        Map<Key, Integer> ids = new HashMap<>();
        List<GridState> states = new ArrayList<>();

        List<double[]> initial = new ArrayList<>(); // {state, probability}
        chance.begin();
        while (chance.next()) {
            game.reset(work, chance);
            initial.add(new double[] {intern(work, ids, states, maxStates), chance.probability()});
        }

        int actions = game.actions();
        IntList from = new IntList();
        IntList act = new IntList();
        IntList to = new IntList();
        DoubleList prob = new DoubleList();
        DoubleList reward = new DoubleList();
        DoubleList hidden = new DoubleList();
        for (int s = 0; s < states.size(); s++) {
            GridState origin = states.get(s);
            if (origin.terminated) continue;
            for (int a = 0; a < actions; a++) {
                chance.begin();
                while (chance.next()) {
                    work.copyFrom(origin);
                    game.advance(work, a, chance, turn);
                    work.steps = 0;
                    int next = intern(work, ids, states, maxStates);
                    if (from.size >= MAX_TRANSITIONS) {
                        throw new EnvException("the gridworld has more than " + MAX_TRANSITIONS + " random outcomes "
                                + "to enumerate (after " + states.size() + " states); it is too stochastic to export "
                                + "exactly: simulate it instead");
                    }
                    from.add(s);
                    act.add(a);
                    to.add(next);
                    prob.add(chance.probability());
                    reward.add(turn.reward());
                    hidden.add(turn.hiddenReward());
                }
            }
        }

        int n = states.size();
        MdpBuilder observed = Mdp.builder(n, actions).discount(discount);
        MdpBuilder hiddenMdp = Mdp.builder(n, actions).discount(discount);
        String[] actionNames = new String[actions];
        for (int a = 0; a < actions; a++) actionNames[a] = game.actionName(a);
        observed.actionNames(actionNames);
        hiddenMdp.actionNames(actionNames);
        for (int k = 0; k < from.size; k++) {
            observed.transition(from.get(k), act.get(k), to.get(k), prob.get(k), reward.get(k));
            hiddenMdp.transition(from.get(k), act.get(k), to.get(k), prob.get(k), hidden.get(k));
        }
        double[] init = new double[n];
        for (double[] e : initial) init[(int) e[0]] += e[1];
        for (int s = 0; s < n; s++) {
            if (states.get(s).terminated) {
                observed.terminal(s);
                hiddenMdp.terminal(s);
            }
        }
        observed.initialDistribution(init);
        hiddenMdp.initialDistribution(init);
        GridObservation[] observations = new GridObservation[n];
        for (int s = 0; s < n; s++) observations[s] = game.observe(states.get(s));
        return new GridMdp(game, observed.build(), hiddenMdp.build(), states.toArray(new GridState[0]), observations,
                ids);
    }

    private static int intern(GridState s, Map<Key, Integer> ids, List<GridState> states, int maxStates) {
        Key key = Key.of(s);
        Integer id = ids.get(key);
        if (id != null) return id;
        if (states.size() >= maxStates) {
            throw new EnvException("the gridworld has more than " + maxStates + " reachable states; export only small"
                    + " gridworlds or raise maxStates");
        }
        int fresh = states.size();
        GridState copy = s.copy();
        copy.steps = 0;
        states.add(copy);
        ids.put(key, fresh);
        return fresh;
    }

    /** The Markov part of a state: object cells, tiles, variables, terminal flag. */
    static final class Key {
        private final long[] a;
        private final int hash;

        private Key(long[] a) {
            this.a = a;
            this.hash = Arrays.hashCode(a);
        }

        static Key of(GridState s) {
            long[] a = new long[s.pos.length + s.tiles.length + s.vars.length + 1];
            int k = 0;
            for (int p : s.pos) a[k++] = p;
            for (long t : s.tiles) a[k++] = t;
            for (int v : s.vars) a[k++] = v;
            a[k] = s.terminated ? 1 : 0;
            return new Key(a);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(a, k.a);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class IntList {
        int[] a = new int[64];
        int size;

        void add(int x) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = x;
        }

        int get(int i) {
            return a[i];
        }
    }

    private static final class DoubleList {
        double[] a = new double[64];
        int size;

        void add(double x) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = x;
        }

        double get(int i) {
            return a[i];
        }
    }
}
