package org.alignlab.decision.agents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Action values Q(o, a) for observations of any value type (equals and hashCode by content) and actions
 * 0..n−1, with the number of updates of each pair. An observation never updated has every value at
 * {@link #initialValue()}; reading does not add it. Rows are kept in the order observations were first updated, so
 * iterating {@link #observations()} is reproducible for a reproducible run.
 */
public final class QTable<O> {
    private final int actions;
    private final double initialValue;
    private final double[] defaults;
    private final LinkedHashMap<O, double[]> values = new LinkedHashMap<>();
    private final LinkedHashMap<O, long[]> visits = new LinkedHashMap<>();

    public QTable(int actions, double initialValue) {
        if (actions < 1) throw new IllegalArgumentException("a Q table needs at least one action");
        this.actions = actions;
        this.initialValue = initialValue;
        this.defaults = new double[actions];
        Arrays.fill(defaults, initialValue);
    }

    public int actions() {
        return actions;
    }

    public double initialValue() {
        return initialValue;
    }

    /** A copy of Q(o, ·). */
    public double[] values(O observation) {
        return view(observation).clone();
    }

    public double value(O observation, int action) {
        return view(observation)[action];
    }

    /** max_a Q(o, a). */
    public double max(O observation) {
        double[] q = view(observation);
        return q[Exploration.greedy(q)];
    }

    /** The greedy action, lowest index among ties. */
    public int greedy(O observation) {
        return Exploration.greedy(view(observation));
    }

    /** How many times Q(o, a) was updated. */
    public long visits(O observation, int action) {
        long[] n = visits.get(observation);
        return n == null ? 0 : n[action];
    }

    /** Observations with at least one update, in order of their first update. */
    public List<O> observations() {
        return List.copyOf(values.keySet());
    }

    public int size() {
        return values.size();
    }

    public boolean contains(O observation) {
        return values.containsKey(observation);
    }

    /** The stored row of o, read-only by convention (the default row for unseen o). */
    double[] view(O observation) {
        double[] q = values.get(Objects.requireNonNull(observation, "observation"));
        return q == null ? defaults : q;
    }

    /** The stored row of o, created at the initial value; callers update it in place. */
    double[] row(O observation) {
        return values.computeIfAbsent(Objects.requireNonNull(observation, "observation"), k -> defaults.clone());
    }

    /** Counts one more update of (o, a) and returns the new count. */
    long visit(O observation, int action) {
        return ++visits.computeIfAbsent(observation, k -> new long[actions])[action];
    }

    /** Equal when the same observations have bit-identical values and counts. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QTable<?> t) || t.actions != actions
                || Double.doubleToLongBits(t.initialValue) != Double.doubleToLongBits(initialValue)
                || t.values.size() != values.size()) {
            return false;
        }
        for (Map.Entry<O, double[]> e : values.entrySet()) {
            if (!Arrays.equals(e.getValue(), t.values.get(e.getKey()))) return false;
            if (!Arrays.equals(visits.get(e.getKey()), t.visits.get(e.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = actions;
        for (Map.Entry<O, double[]> e : values.entrySet()) {
            h += Objects.hashCode(e.getKey()) ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<O, double[]> e : values.entrySet()) rows.add(e.getKey() + "=" + Arrays.toString(e.getValue()));
        return "QTable[" + values.size() + " observations, " + actions + " actions" + (rows.size() <= 8 ? ": "
                + String.join(", ", rows) : "") + "]";
    }
}
