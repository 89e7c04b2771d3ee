package org.alignlab.decision.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.alignlab.core.Seeds;

/**
 * Checks that an environment keeps the {@link Env} contract, as Gymnasium's {@code check_env} does, and that two
 * instances given the same seed and actions produce the same trajectory. Checks on a fresh (never reset) instance:
 * <ol>
 *   <li>stepping before the first reset throws {@link EnvException};</li>
 *   <li>{@code reset} returns an observation in the observation space, and the same seed gives an equal observation
 *       (equal hash code too: tabular agents key on observations);</li>
 *   <li>an action outside the action space ({@code null}; for a {@link Space.Discrete} of n also -1 and n) throws
 *       {@link EnvException};</li>
 *   <li>stepping with actions sampled from the action space returns observations in the space and finite rewards,
 *       and a hidden reward in {@code info}, when present, is a finite number;</li>
 *   <li>an observation does not change after it was returned (no mutable state shared with the engine);</li>
 *   <li>after an episode ended, stepping without reset throws {@link EnvException} (checked when an episode ends
 *       within the step budget);</li>
 *   <li>a later {@code reset} with the first seed replays the first episode exactly (reset clears all state).</li>
 * </ol>
 * {@link #determinism} runs two fresh instances side by side: same seeds, same sampled actions, and compares
 * observations, rewards (bit for bit), flags and info maps at every step.
 *
 * <p>Problems come back as one-line strings; the checker never throws for a broken environment except from the
 * {@code require} methods, which throw one {@link EnvException} listing them all. Each kind of problem is reported
 * once per check, at its first occurrence.
 */
public final class EnvChecker {
    /** Steps of sampled actions per check when none is given. */
    public static final int DEFAULT_STEPS = 300;

    private EnvChecker() {}

    /** The problems of a fresh instance, with {@link #DEFAULT_STEPS} sampled steps. */
    public static List<String> check(Env<?, ?> env, long seed) {
        return check(env, seed, DEFAULT_STEPS);
    }

    /** The problems of a fresh instance, with {@code steps} sampled steps. */
    public static List<String> check(Env<?, ?> env, long seed, int steps) {
        Problems p = new Problems();
        try {
            checkTyped(env, seed, steps, p);
        } catch (RuntimeException ex) {
            p.add("unexpected", "the check stopped: " + describe(ex));
        }
        return p.list();
    }

    /** Throws one {@link EnvException} naming every problem of {@link #check(Env, long)}. */
    public static void require(Env<?, ?> env, long seed) {
        List<String> problems = check(env, seed);
        if (!problems.isEmpty()) throw new EnvException(name(env) + " fails the env checker: "
                + String.join("; ", problems));
    }

    /**
     * Runs two instances from {@code factory} side by side for {@code steps} steps (resetting both with the same
     * derived seed whenever an episode ends) with the same sampled actions; returns the first divergence, if any.
     */
    public static List<String> determinism(Supplier<? extends Env<?, ?>> factory, long seed, int steps) {
        Problems p = new Problems();
        try (Env<?, ?> a = factory.get(); Env<?, ?> b = factory.get()) {
            if (a == b) {
                p.add("same", "the factory returned the same instance twice; instances must be independent");
            } else {
                rollout(a, b, seed, steps, p);
            }
        } catch (RuntimeException ex) {
            p.add("unexpected", "the determinism rollout stopped: " + describe(ex));
        }
        return p.list();
    }

    /**
     * Runs {@link #check} and {@link #determinism} on every registered environment; each problem is prefixed with the
     * environment's id. Studies call this from a test so that every environment they register is covered.
     */
    public static List<String> checkAll(EnvRegistry registry, long seed) {
        List<String> out = new ArrayList<>();
        for (EnvSpec spec : registry.specs()) {
            String id = spec.id();
            long envSeed = Seeds.derive(seed, id);
            List<String> problems = new ArrayList<>();
            try (Env<?, ?> env = registry.make(id)) {
                problems.addAll(check(env, envSeed));
            } catch (RuntimeException ex) {
                problems.add("make failed: " + describe(ex));
            }
            problems.addAll(determinism(() -> registry.make(id), envSeed, DEFAULT_STEPS));
            for (String problem : problems) out.add(id + ": " + problem);
        }
        return out;
    }

    /** Throws one {@link EnvException} listing every problem of {@link #checkAll}. */
    public static void requireAll(EnvRegistry registry, long seed) {
        List<String> problems = checkAll(registry, seed);
        if (!problems.isEmpty()) {
            throw new EnvException(problems.size() + " problem(s) in registered environments: "
                    + String.join("; ", problems));
        }
    }

    /** The seed of the k-th episode of a check or rollout started with {@code seed}. */
    static long episodeSeed(long seed, int episode) {
        return episode == 0 ? seed : Seeds.derive(seed, "episode/" + episode);
    }

    @SuppressWarnings("unchecked")
    private static <O, A> void checkTyped(Env<?, ?> untyped, long seed, int steps, Problems p) {
        Env<O, A> env = (Env<O, A>) untyped;
        if (env.spec() == null) p.add("spec", "spec() is null");
        Space<O> obsSpace = env.observationSpace();
        Space<A> actSpace = env.actionSpace();
        if (obsSpace == null || actSpace == null) {
            p.add("spaces", "observationSpace() or actionSpace() is null");
            return;
        }
        SplittableRandom actions = Seeds.stream(seed, "actions");
        A probe = actSpace.sample(actions);
        if (!actSpace.contains(probe)) {
            p.add("sample", "the action space sampled " + probe + ", which it does not contain");
        }

        // 1. No step before the first reset.
        expectEnvException(() -> env.step(probe), "step before the first reset", p);

        // 2. Reset: observation in the space, same seed gives an equal observation.
        Reset<O> first = env.reset(seed);
        if (first == null) {
            p.add("reset-null", "reset returned null");
            return;
        }
        O obs0 = first.observation();
        checkObservation(obs0, obsSpace, "reset", p);
        Reset<O> again = env.reset(seed);
        if (again == null || !Objects.equals(obs0, again.observation())
                || Objects.hashCode(obs0) != Objects.hashCode(again.observation())) {
            p.add("reset-seed", "reset(" + seed + ") twice gave different first observations: " + obs0 + " and "
                    + (again == null ? null : again.observation()));
        } else if (!first.info().equals(again.info())) {
            p.add("reset-seed", "reset(" + seed + ") twice gave different info: " + first.info() + " and "
                    + again.info());
        }

        // 3. Actions outside the action space.
        List<Object> invalid = new ArrayList<>();
        invalid.add(null);
        if (actSpace instanceof Space.Discrete d) {
            invalid.add(-1);
            invalid.add(d.n());
        }
        for (Object bad : invalid) {
            env.reset(seed);
            expectEnvException(() -> env.step((A) bad), "action " + bad + " outside the action space", p);
        }

        // 4-6. Sampled rollout; the first finished episode is replayed after the others.
        Reset<O> start = env.reset(seed);
        O kept = start.observation();
        int keptHash = Objects.hashCode(kept);
        String keptText = String.valueOf(kept);
        List<A> firstActions = new ArrayList<>();
        List<Step<O>> firstSteps = new ArrayList<>();
        boolean firstEpisode = true;
        boolean checkedAfterDone = false;
        int episode = 0;
        for (int t = 0; t < steps; t++) {
            A a = actSpace.sample(actions);
            Step<O> s = env.step(a);
            if (s == null) {
                p.add("step-null", "step returned null at step " + t);
                return;
            }
            checkObservation(s.observation(), obsSpace, "step " + t, p);
            if (!Double.isFinite(s.reward())) {
                p.add("reward", "reward " + s.reward() + " at step " + t + " is not finite");
            }
            Object hidden = s.info().get(Step.HIDDEN_REWARD);
            if (hidden != null && !(hidden instanceof Number n && Double.isFinite(n.doubleValue()))) {
                p.add("hidden", "info[" + Step.HIDDEN_REWARD + "] = " + hidden + " at step " + t
                        + " is not a finite number");
            }
            if (firstEpisode) {
                firstActions.add(a);
                firstSteps.add(s);
            }
            if (s.done()) {
                if (!checkedAfterDone) {
                    A next = actSpace.sample(actions);
                    expectEnvException(() -> env.step(next), "step after the episode ended without reset", p);
                    checkedAfterDone = true;
                }
                firstEpisode = false;
                episode++;
                Reset<O> r = env.reset(episodeSeed(seed, episode));
                if (r == null) {
                    p.add("reset-null", "reset returned null");
                    return;
                }
                checkObservation(r.observation(), obsSpace, "reset of episode " + episode, p);
            }
            if (Objects.hashCode(kept) != keptHash || !String.valueOf(kept).equals(keptText)) {
                p.add("aliasing", "the first observation changed after it was returned (was " + keptText + ", now "
                        + kept + "); return immutable observations");
            }
        }

        // 7. Reset with the first seed replays the first episode (or its first part, if it did not end).
        Reset<O> replay = env.reset(seed);
        if (replay == null || !Objects.equals(replay.observation(), obs0)) {
            p.add("replay", "reset(" + seed + ") after other episodes gave first observation "
                    + (replay == null ? null : replay.observation()) + ", not " + obs0);
            return;
        }
        for (int t = 0; t < firstActions.size(); t++) {
            Step<O> s = env.step(firstActions.get(t));
            String diff = difference(firstSteps.get(t), s);
            if (diff != null) {
                p.add("replay", "reset(" + seed + ") after other episodes did not replay the first episode: at step "
                        + t + " " + diff + " (reset must clear all state)");
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <O, A> void rollout(Env<?, ?> ua, Env<?, ?> ub, long seed, int steps, Problems p) {
        Env<O, A> a = (Env<O, A>) ua;
        Env<O, A> b = (Env<O, A>) ub;
        SplittableRandom actions = Seeds.stream(seed, "actions");
        Reset<O> ra = a.reset(seed);
        Reset<O> rb = b.reset(seed);
        if (!Objects.equals(ra.observation(), rb.observation()) || !ra.info().equals(rb.info())) {
            p.add("determinism", "two instances reset with seed " + seed + " gave " + ra.observation() + " and "
                    + rb.observation());
            return;
        }
        int episode = 0;
        for (int t = 0; t < steps; t++) {
            A action = a.actionSpace().sample(actions);
            Step<O> sa = a.step(action);
            Step<O> sb = b.step(action);
            String diff = difference(sa, sb);
            if (diff != null) {
                p.add("determinism", "two instances with the same seed and actions diverged at step " + t + ": "
                        + diff);
                return;
            }
            if (sa.done()) {
                episode++;
                long s = episodeSeed(seed, episode);
                ra = a.reset(s);
                rb = b.reset(s);
                if (!Objects.equals(ra.observation(), rb.observation()) || !ra.info().equals(rb.info())) {
                    p.add("determinism", "two instances reset with seed " + s + " gave " + ra.observation() + " and "
                            + rb.observation());
                    return;
                }
            }
        }
    }

    /** Null when the steps agree (rewards bit for bit), else what differs. */
    private static String difference(Step<?> x, Step<?> y) {
        if (x == null || y == null) return "one step is null";
        if (!Objects.equals(x.observation(), y.observation())) {
            return "observation " + x.observation() + " vs " + y.observation();
        }
        if (Double.doubleToLongBits(x.reward()) != Double.doubleToLongBits(y.reward())) {
            return "reward " + x.reward() + " vs " + y.reward();
        }
        if (x.terminated() != y.terminated() || x.truncated() != y.truncated()) {
            return "terminated/truncated " + x.terminated() + "/" + x.truncated() + " vs " + y.terminated() + "/"
                    + y.truncated();
        }
        if (!x.info().equals(y.info())) return "info " + x.info() + " vs " + y.info();
        return null;
    }

    private static <O> void checkObservation(O obs, Space<O> space, String where, Problems p) {
        if (obs == null) {
            p.add("observation-null", "the observation of " + where + " is null");
        } else if (!space.contains(obs)) {
            p.add("observation-space", "the observation " + obs + " of " + where + " is outside the observation space "
                    + space);
        }
    }

    private static void expectEnvException(Runnable call, String what, Problems p) {
        try {
            call.run();
            p.add(what, what + " did not throw EnvException");
        } catch (EnvException expected) {
            // the contract
        } catch (RuntimeException ex) {
            p.add(what, what + " threw " + describe(ex) + " instead of EnvException");
        }
    }

    private static String describe(RuntimeException ex) {
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    private static String name(Env<?, ?> env) {
        EnvSpec spec = env.spec();
        return spec == null ? env.getClass().getSimpleName() : spec.id();
    }

    /** Problems in order of first occurrence, one per kind. */
    private static final class Problems {
        private final Map<String, String> byKind = new LinkedHashMap<>();

        void add(String kind, String message) {
            byKind.putIfAbsent(kind, message);
        }

        List<String> list() {
            return List.copyOf(byKind.values());
        }
    }
}
