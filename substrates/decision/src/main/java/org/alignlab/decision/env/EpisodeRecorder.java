package org.alignlab.decision.env;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Records every episode that passes through it: the observations (the first from reset, then one per step), the
 * actions, the rewards, the info maps (so the hidden reward {@link Step#HIDDEN_REWARD} of gridworlds is kept) and how
 * the episode ended. An episode is recorded when it ends (terminated or truncated); one abandoned by an early reset
 * is dropped. Keeps the last {@code keep} episodes (all by default) so long training runs stay bounded.
 */
public final class EpisodeRecorder<O, A> extends Wrapper<O, A> {
    /**
     * One finished episode. {@code observations} has one more entry than {@code actions} and {@code rewards};
     * {@code infos.get(0)} is the reset's info and {@code infos.get(t + 1)} the info of step t.
     */
    public record Episode<O, A>(long seed, List<O> observations, List<A> actions, List<Double> rewards,
                                List<Map<String, Object>> infos, boolean terminated, boolean truncated) {
        public int length() {
            return actions.size();
        }

        /** The undiscounted sum of the observed rewards. */
        public double totalReward() {
            double sum = 0;
            for (double r : rewards) sum += r;
            return sum;
        }

        /** The sum of the hidden rewards the steps reported, or NaN when no step reported one. */
        public double hiddenReward() {
            double sum = 0;
            boolean any = false;
            for (int t = 1; t < infos.size(); t++) {
                if (infos.get(t).get(Step.HIDDEN_REWARD) instanceof Number n) {
                    sum += n.doubleValue();
                    any = true;
                }
            }
            return any ? sum : Double.NaN;
        }
    }

    private final int keep;
    private final ArrayDeque<Episode<O, A>> episodes = new ArrayDeque<>();
    private long completed;
    private long seed;
    private List<O> observations;
    private List<A> actions;
    private List<Double> rewards;
    private List<Map<String, Object>> infos;

    /** Keeps every episode. */
    public EpisodeRecorder(Env<O, A> env) {
        this(env, Integer.MAX_VALUE);
    }

    /** Keeps the last {@code keep} episodes. */
    public EpisodeRecorder(Env<O, A> env, int keep) {
        super(env);
        if (keep < 1) throw new EnvException("an episode recorder must keep at least one episode (got " + keep + ")");
        this.keep = keep;
    }

    @Override
    public Reset<O> reset(long seed) {
        Reset<O> r = env.reset(seed);
        this.seed = seed;
        observations = new ArrayList<>();
        actions = new ArrayList<>();
        rewards = new ArrayList<>();
        infos = new ArrayList<>();
        observations.add(r.observation());
        infos.add(r.info());
        return r;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        if (observations == null) return s; // the wrapped environment accepted a step before reset; nothing to record
        observations.add(s.observation());
        actions.add(action);
        rewards.add(s.reward());
        infos.add(s.info());
        if (s.done()) {
            episodes.addLast(new Episode<>(seed, frozen(observations), frozen(actions), frozen(rewards), frozen(infos),
                    s.terminated(), s.truncated()));
            if (episodes.size() > keep) episodes.removeFirst();
            completed++;
            observations = null;
        }
        return s;
    }

    /** The kept finished episodes, oldest first. */
    public List<Episode<O, A>> episodes() {
        return List.copyOf(episodes);
    }

    /** The most recent finished episode, or null when none has finished. */
    public Episode<O, A> last() {
        return episodes.peekLast();
    }

    /** How many episodes have finished, including those no longer kept. */
    public long completed() {
        return completed;
    }

    /** Forgets the kept episodes (the count of {@link #completed()} stays). */
    public void clear() {
        episodes.clear();
    }

    private static <T> List<T> frozen(List<T> list) {
        return Collections.unmodifiableList(list);
    }
}
