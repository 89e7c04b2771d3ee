package org.alignlab.decision.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.alignlab.core.Seeds;

/**
 * N independent copies of an environment stepped in lockstep, for batched agents (as Gymnasium's
 * {@code SyncVectorEnv}). Copies that finish are reset in the same step (see {@link VectorStep}). Every episode seed
 * derives from the one seed given to {@link #reset(long)}: copy i's k-th episode (k = 0, 1, ...) is reset with
 * {@link #episodeSeed(long, int, long)}, so a run is reproducible bit for bit and copy i's episodes are exactly those
 * of a single environment reset with those seeds. Copies are stepped one after another on the caller's thread.
 */
public final class VectorEnv<O, A> implements AutoCloseable {
    private final List<Env<O, A>> envs;
    private long seed;
    private long[] episodes;
    private boolean started;

    /**
     * @param factory builds one fresh copy; called {@code copies} times
     * @throws EnvException when {@code copies < 1}
     */
    public VectorEnv(Supplier<? extends Env<O, A>> factory, int copies) {
        Objects.requireNonNull(factory, "factory");
        if (copies < 1) throw new EnvException("a vector environment needs at least one copy (got " + copies + ")");
        List<Env<O, A>> list = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) list.add(Objects.requireNonNull(factory.get(), "factory returned null"));
        this.envs = List.copyOf(list);
    }

    /** {@code copies} instances of a registered environment. */
    public static <O, A> VectorEnv<O, A> make(EnvRegistry registry, String id, int copies) {
        registry.spec(id); // an unknown id fails here, once
        return new VectorEnv<>(() -> registry.<O, A>make(id), copies);
    }

    /** The seed of copy {@code copy}'s {@code episode}-th episode after {@code reset(seed)}. */
    public static long episodeSeed(long seed, int copy, long episode) {
        return Seeds.derive(seed, "copy/" + copy + "/episode/" + episode);
    }

    public int size() {
        return envs.size();
    }

    /** Copy i, for inspection (stepping it directly breaks the lockstep). */
    public Env<O, A> env(int i) {
        return envs.get(i);
    }

    public EnvSpec spec() {
        return envs.get(0).spec();
    }

    /** The observation space of one copy. */
    public Space<O> observationSpace() {
        return envs.get(0).observationSpace();
    }

    /** The action space of one copy. */
    public Space<A> actionSpace() {
        return envs.get(0).actionSpace();
    }

    /** Resets every copy; returns their first observations. */
    public List<O> reset(long seed) {
        this.seed = seed;
        this.episodes = new long[envs.size()];
        List<O> out = new ArrayList<>(envs.size());
        for (int i = 0; i < envs.size(); i++) out.add(envs.get(i).reset(episodeSeed(seed, i, 0)).observation());
        started = true;
        return Collections.unmodifiableList(out);
    }

    /**
     * Steps every copy with its action, resetting those whose episode ended.
     *
     * @throws EnvException before the first reset, when the number of actions is not the number of copies, or when
     *                      an action is outside its copy's action space (then no copy has moved)
     */
    public VectorStep<O> step(List<A> actions) {
        if (!started) throw EnvException.notReset(spec());
        if (actions == null || actions.size() != envs.size()) {
            throw new EnvException(spec().id() + ": need " + envs.size() + " actions, one per copy (got "
                    + (actions == null ? "none" : actions.size()) + ")");
        }
        int n = envs.size();
        for (int i = 0; i < n; i++) { // refuse before any copy moves, so the copies stay in lockstep
            Space<A> space = envs.get(i).actionSpace();
            if (!space.contains(actions.get(i))) {
                throw new EnvException(spec().id() + ": action " + actions.get(i) + " of copy " + i
                        + " is outside the action space " + space);
            }
        }
        List<O> observations = new ArrayList<>(n);
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        List<Map<String, Object>> infos = new ArrayList<>(n);
        List<O> finals = new ArrayList<>(Collections.nCopies(n, null));
        for (int i = 0; i < n; i++) {
            Env<O, A> env = envs.get(i);
            Step<O> s = env.step(actions.get(i));
            rewards[i] = s.reward();
            terminated[i] = s.terminated();
            truncated[i] = s.truncated();
            infos.add(s.info());
            if (s.done()) {
                finals.set(i, s.observation());
                episodes[i]++;
                observations.add(env.reset(episodeSeed(seed, i, episodes[i])).observation());
            } else {
                observations.add(s.observation());
            }
        }
        return new VectorStep<>(Collections.unmodifiableList(observations), rewards, terminated, truncated,
                Collections.unmodifiableList(infos), Collections.unmodifiableList(finals));
    }

    /** Episodes finished so far by each copy since the last reset. */
    public long[] finishedEpisodes() {
        return episodes == null ? new long[envs.size()] : Arrays.copyOf(episodes, episodes.length);
    }

    @Override
    public void close() {
        for (Env<O, A> env : envs) env.close();
    }
}
