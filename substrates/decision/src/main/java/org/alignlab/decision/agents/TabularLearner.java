package org.alignlab.decision.agents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.alignlab.core.UsageException;

/**
 * Base of the tabular learners: a {@link QTable}, the hyperparameters, the agent's own random stream and two
 * counters, {@link #steps()} (transitions observed) and {@link #episodes()} (episodes ended), which drive the
 * schedules. {@link #observe} counts the transition first, so an update and the next {@link #act} see the same
 * counters.
 */
public abstract sealed class TabularLearner<O> implements TabularAgent<O>
        permits QLearning, Sarsa, ExpectedSarsa, MonteCarloControl {

    /** The learners by name, for experiment configs. */
    public enum Algorithm {
        Q_LEARNING("q-learning"),
        SARSA("sarsa"),
        EXPECTED_SARSA("expected-sarsa"),
        MONTE_CARLO_FIRST_VISIT("mc-first-visit"),
        MONTE_CARLO_EVERY_VISIT("mc-every-visit");

        private final String label;

        Algorithm(String label) {
            this.label = label;
        }

        /** The name used in configs and on the command line, e.g. {@code expected-sarsa}. */
        public String label() {
            return label;
        }

        /** @throws UsageException naming the valid labels */
        public static Algorithm parse(String name) {
            String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            for (Algorithm a : values()) if (a.label.equals(key)) return a;
            throw new UsageException("unknown tabular algorithm '" + name + "'; choose one of "
                    + Arrays.stream(values()).map(Algorithm::label).collect(Collectors.joining(", ")));
        }

        public <O> TabularLearner<O> create(int actions, Hyperparameters hyper, SplittableRandom rng) {
            return switch (this) {
                case Q_LEARNING -> new QLearning<>(actions, hyper, rng);
                case SARSA -> new Sarsa<>(actions, hyper, rng);
                case EXPECTED_SARSA -> new ExpectedSarsa<>(actions, hyper, rng);
                case MONTE_CARLO_FIRST_VISIT -> new MonteCarloControl<>(actions, hyper, rng, true);
                case MONTE_CARLO_EVERY_VISIT -> new MonteCarloControl<>(actions, hyper, rng, false);
            };
        }
    }

    protected final QTable<O> table;
    protected final Hyperparameters hyper;
    protected final SplittableRandom rng;
    protected long steps;
    protected long episodes;
    private double imposedEpsilon = Double.NaN;
    private int forcedAction = -1;

    /**
     * @param rng the agent's own stream (e.g. {@code ctx.random("agent")}); the agent draws from it and shares it
     *            with nothing else
     */
    TabularLearner(int actions, Hyperparameters hyper, SplittableRandom rng) {
        if (actions < 1) throw new UsageException("a tabular agent needs at least one action (got " + actions + ")");
        this.hyper = Objects.requireNonNull(hyper, "hyperparameters");
        this.rng = Objects.requireNonNull(rng, "rng");
        this.table = new QTable<>(actions, hyper.initialValue());
    }

    @Override
    public final int actions() {
        return table.actions();
    }

    public final QTable<O> table() {
        return table;
    }

    public final Hyperparameters hyperparameters() {
        return hyper;
    }

    /** Transitions observed so far. */
    public final long steps() {
        return steps;
    }

    /** Episodes ended so far. */
    public final long episodes() {
        return episodes;
    }

    @Override
    public int act(O observation) {
        return behaviour(observation);
    }

    /** An action of the behaviour policy at the current counters (the imposed ε-greedy one while imposed). */
    final int behaviour(O observation) {
        if (forcedAction >= 0) return forcedAction;
        double[] q = table.view(observation);
        if (!Double.isNaN(imposedEpsilon)) {
            return rng.nextDouble() < imposedEpsilon ? rng.nextInt(q.length) : Exploration.greedy(q, rng);
        }
        return hyper.exploration().choose(q, steps, episodes, rng);
    }

    /** The behaviour policy's action probabilities at the current counters (Expected SARSA's target). */
    final double[] behaviourProbabilities(double[] q) {
        if (Double.isNaN(imposedEpsilon)) return hyper.exploration().probabilities(q, steps, episodes);
        return new EpsilonGreedy(Schedule.constant(imposedEpsilon)).probabilities(q, steps, episodes);
    }

    @Override
    public final void imposeExploration(double epsilon) {
        if (!Double.isNaN(epsilon) && !(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("an imposed exploration rate must be in [0, 1] (got " + epsilon + ")");
        }
        imposedEpsilon = epsilon;
    }

    @Override
    public final void imposeAction(int action) {
        if (action >= actions()) throw new IllegalArgumentException("forced action " + action + " is not an action");
        forcedAction = action < 0 ? -1 : action;
    }

    /** The exploration rate the environment imposes now, or NaN. */
    public final double imposedExploration() {
        return imposedEpsilon;
    }

    @Override
    public final void observe(Transition<O> t) {
        if (t.action() < 0 || t.action() >= actions()) {
            throw new IllegalArgumentException("action " + t.action() + " is not in 0.." + (actions() - 1));
        }
        steps++;
        learn(t);
    }

    /** Updates from one transition; {@link #steps()} already counts it. */
    abstract void learn(Transition<O> t);

    @Override
    public void endEpisode() {
        episodes++;
    }

    @Override
    public final int greedy(O observation) {
        return table.greedy(observation);
    }

    @Override
    public final double[] qValues(O observation) {
        return table.values(observation);
    }

    /** Q(s, a) ← Q(s, a) + α (target − Q(s, a)), with α for this pair's update count. */
    final void update(O s, int a, double target) {
        double[] q = table.row(s);
        long n = table.visit(s, a);
        double alpha = hyper.learningRate().alpha(steps, episodes, n);
        q[a] += alpha * (target - q[a]);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + table.size() + " observations, " + steps + " steps, " + episodes
                + " episodes]";
    }
}
