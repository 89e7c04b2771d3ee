package org.alignlab.decision.env;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A versioned spec and the factory that builds a fresh, un-reset instance of the environment. The factory is called
 * once per {@link EnvRegistry#make(String)}; instances must share no mutable state (the determinism rollout of
 * {@link EnvChecker} runs two of them side by side).
 */
public record EnvRegistration(EnvSpec spec, Supplier<? extends Env<?, ?>> factory) {
    public EnvRegistration {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(factory, "factory");
    }
}
