package org.alignlab.decision.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.alignlab.core.RunContext;
import org.alignlab.core.Seeds;
import org.alignlab.decision.env.Env;
import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.env.Space;
import org.alignlab.decision.env.Step;

/**
 * Runs a {@link TabularAgent} on an environment episode by episode: act, step, observe, and {@code endEpisode()} at
 * the end. Episode i is reset with {@link #episodeSeed(long, int)}, so a run is reproducible from its seed (give
 * {@code ctx.seed("env")}; the agent has its own stream). The environment must end every episode (terminal states or
 * a {@link org.alignlab.decision.env.TimeLimit}); environments from the registry with a {@code maxEpisodeSteps} do.
 *
 * <p>When a {@link RunContext} is given, each training episode logs {@code prefix + "return"},
 * {@code prefix + "length"} and, when the environment reports {@link Step#HIDDEN_REWARD}, {@code prefix +
 * "hidden_return"}, at step = episode index; cancellation is checked between episodes.
 */
public final class Trainer {
    private Trainer() {}

    /** The seed of episode {@code i} of a run started with {@code seed}. */
    public static long episodeSeed(long seed, int i) {
        return Seeds.derive(seed, "episode/" + i);
    }

    /** Trains for {@code episodes} episodes without logging. */
    public static <O> Episodes train(Env<O, Integer> env, TabularAgent<O> agent, int episodes, long seed) {
        return train(env, agent, episodes, seed, null, "");
    }

    /**
     * Trains for {@code episodes} episodes.
     *
     * @param ctx    where to log per-episode metrics, or null
     * @param prefix prepended to the metric names (e.g. {@code "sarsa/"}), may be empty
     * @throws EnvException when the environment's action space is not a discrete space of the agent's size
     */
    public static <O> Episodes train(Env<O, Integer> env, TabularAgent<O> agent, int episodes, long seed,
                                     RunContext ctx, String prefix) {
        checkActions(env, agent);
        List<EpisodeResult> out = new ArrayList<>(Math.max(episodes, 0));
        for (int i = 0; i < episodes; i++) {
            if (ctx != null) ctx.checkCancelled();
            EpisodeResult r = episode(env, agent, i, episodeSeed(seed, i), agent::act, true, new double[2]);
            out.add(r);
            if (ctx != null) {
                ctx.log(prefix + "return", i, r.totalReward());
                ctx.log(prefix + "length", i, r.steps());
                if (!Double.isNaN(r.hiddenReward())) ctx.log(prefix + "hidden_return", i, r.hiddenReward());
            }
        }
        return new Episodes(out);
    }

    /**
     * Runs the agent's greedy policy ({@link TabularAgent#greedy}) for {@code episodes} episodes without learning.
     * The greedy policy is deterministic, so in a deterministic environment every episode is the same.
     */
    public static <O> Episodes evaluate(Env<O, Integer> env, TabularAgent<O> agent, int episodes, long seed) {
        checkActions(env, agent);
        List<EpisodeResult> out = new ArrayList<>(Math.max(episodes, 0));
        for (int i = 0; i < episodes; i++) {
            long episodeSeed = episodeSeed(seed, i);
            // An exploration rate the environment imposes (Step.EXPLORATION) applies to the greedy policy too.
            SplittableRandom imposed = Seeds.stream(episodeSeed, "imposed-exploration");
            double[] epsilon = {Double.NaN, -1};
            ToIntFunction<O> policy = o -> {
                if (epsilon[1] >= 0) return (int) epsilon[1];
                if (!Double.isNaN(epsilon[0]) && imposed.nextDouble() < epsilon[0]) {
                    return imposed.nextInt(agent.actions());
                }
                return agent.greedy(o);
            };
            out.add(episode(env, agent, i, episodeSeed, policy, false, epsilon));
        }
        return new Episodes(out);
    }

    private static <O> EpisodeResult episode(Env<O, Integer> env, TabularAgent<O> agent, int index, long seed,
                                             ToIntFunction<O> policy, boolean learn, double[] imposed) {
        var reset = env.reset(seed);
        O o = reset.observation();
        impose(agent, reset.info(), imposed);
        double total = 0;
        double hidden = 0;
        boolean anyHidden = false;
        int steps = 0;
        while (true) {
            int a = policy.applyAsInt(o);
            Step<O> s = env.step(a);
            steps++;
            total += s.reward();
            double h = s.hiddenReward();
            if (!Double.isNaN(h)) {
                hidden += h;
                anyHidden = true;
            }
            // The imposed rate holds from the next action on, so it is set before an on-policy learner picks A'.
            impose(agent, s.info(), imposed);
            if (learn) agent.observe(Transition.of(o, a, s));
            o = s.observation();
            if (s.done()) {
                if (learn) agent.endEpisode();
                return new EpisodeResult(index, seed, steps, total, anyHidden ? hidden : Double.NaN, s.terminated(),
                        s.truncated());
            }
        }
    }

    /** Reads what the environment imposes on the next action (exploration rate, forced action) into the agent. */
    private static void impose(TabularAgent<?> agent, java.util.Map<String, Object> info, double[] imposed) {
        imposed[0] = info.get(Step.EXPLORATION) instanceof Number n ? n.doubleValue() : Double.NaN;
        imposed[1] = info.get(Step.FORCED_ACTION) instanceof Number n ? n.intValue() : -1;
        agent.imposeExploration(imposed[0]);
        agent.imposeAction((int) imposed[1]);
    }

    private static void checkActions(Env<?, Integer> env, TabularAgent<?> agent) {
        Space<Integer> space = env.actionSpace();
        if (!(space instanceof Space.Discrete d) || d.n() != agent.actions()) {
            throw new EnvException(env.spec().id() + ": a tabular agent with " + agent.actions()
                    + " actions needs a discrete action space of that size, not " + space);
        }
    }
}
