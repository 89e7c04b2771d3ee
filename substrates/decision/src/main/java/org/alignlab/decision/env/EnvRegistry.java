package org.alignlab.decision.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.core.Suggestions;

/**
 * Versioned environment specs ({@code safety/BoatRace-v0}) and their factories, as Gymnasium's registry. Specs come
 * from {@link EnvProvider}s found with {@link ServiceLoader} ({@link #load()}) and from {@link #register} calls.
 * {@link #make(String)} builds a fresh instance, reports the registered spec and, when the spec has a step limit,
 * wraps it in {@link TimeLimit}. Safe to share between threads.
 */
public final class EnvRegistry {
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");

    private final TreeMap<String, EnvRegistration> byId = new TreeMap<>();

    /** An empty registry (tests, or callers that register everything themselves). */
    public EnvRegistry() {}

    /** The environments of every {@link EnvProvider} on the class path of the context class loader. */
    public static EnvRegistry load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader == null ? EnvRegistry.class.getClassLoader() : loader);
    }

    /** The environments of every {@link EnvProvider} visible to {@code loader}. */
    public static EnvRegistry load(ClassLoader loader) {
        EnvRegistry registry = new EnvRegistry();
        for (EnvProvider provider : ServiceLoader.load(EnvProvider.class, loader)) {
            for (EnvRegistration r : provider.environments()) registry.register(r);
        }
        return registry;
    }

    /**
     * Adds an environment.
     *
     * @throws IllegalStateException when the id is already registered (a programming error, not a user's)
     */
    public synchronized EnvRegistry register(EnvRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        String id = registration.spec().id();
        if (byId.containsKey(id)) throw new IllegalStateException("two environments share the id " + id);
        byId.put(id, registration);
        return this;
    }

    public EnvRegistry register(EnvSpec spec, Supplier<? extends Env<?, ?>> factory) {
        return register(new EnvRegistration(spec, factory));
    }

    /** All registered specs, sorted by id. */
    public synchronized List<EnvSpec> specs() {
        List<EnvSpec> out = new ArrayList<>(byId.size());
        for (EnvRegistration r : byId.values()) out.add(r.spec());
        return List.copyOf(out);
    }

    public synchronized boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The registered spec of {@code id}, or an {@link EnvException} as {@link #make(String)} gives. */
    public EnvSpec spec(String id) {
        return registration(id).spec();
    }

    /**
     * A fresh instance of {@code id}, un-reset; its {@link Env#spec()} is the registered spec, and it is wrapped in
     * {@link TimeLimit} when the spec's {@code maxEpisodeSteps} is positive.
     *
     * <p>The type parameters are the caller's statement of what the environment observes and accepts; they are not
     * checked (as with Gymnasium's untyped {@code make}). Use {@code Env<?, ?>} when you do not know them.
     *
     * @throws EnvException for an unknown id, naming the closest registered ids, or for an unregistered version,
     *                      naming the registered versions of that environment
     */
    @SuppressWarnings("unchecked")
    public <O, A> Env<O, A> make(String id) {
        EnvRegistration r = registration(id);
        Env<?, ?> made = r.factory().get();
        if (made == null) throw new IllegalStateException("the factory of " + id + " returned null");
        Env<Object, Object> env = (Env<Object, Object>) made;
        EnvSpec spec = r.spec();
        Env<Object, Object> specified = spec.equals(env.spec()) ? env : new Specified<>(env, spec);
        Env<Object, Object> limited =
                spec.maxEpisodeSteps() > 0 ? new TimeLimit<>(specified, spec.maxEpisodeSteps()) : specified;
        return (Env<O, A>) limited;
    }

    private synchronized EnvRegistration registration(String id) {
        if (id == null || id.isBlank()) {
            throw new EnvException("give an environment id such as safety/BoatRace-v0");
        }
        String key = id.strip();
        EnvRegistration r = byId.get(key);
        if (r != null) return r;
        Matcher m = VERSIONED.matcher(key);
        String family = m.matches() ? m.group(1) : key;
        List<String> versions = new ArrayList<>();
        for (String known : byId.keySet()) {
            Matcher k = VERSIONED.matcher(known);
            if (k.matches() && k.group(1).equals(family)) versions.add(known);
        }
        if (!versions.isEmpty()) {
            String what = m.matches() ? "version v" + m.group(2) + " of " + family + " is not registered"
                    : "environment id '" + key + "' has no version";
            throw new EnvException(what + "; registered: " + String.join(", ", versions));
        }
        List<String> close = Suggestions.closest(key, byId.keySet());
        String hint = close.isEmpty()
                ? (byId.isEmpty() ? "no environments are registered" : "registered: " + summary())
                : "did you mean " + String.join(", ", close) + "?";
        throw new EnvException("unknown environment '" + key + "'; " + hint);
    }

    private String summary() {
        List<String> ids = new ArrayList<>(byId.keySet());
        return ids.size() <= 10 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + ", ... (" + ids.size() + " in all)";
    }

    /** Reports the registered spec for an environment built without it. */
    private static final class Specified<O, A> extends Wrapper<O, A> {
        private final EnvSpec spec;

        Specified(Env<O, A> env, EnvSpec spec) {
            super(env);
            this.spec = spec;
        }

        @Override
        public EnvSpec spec() {
            return spec;
        }
    }
}
