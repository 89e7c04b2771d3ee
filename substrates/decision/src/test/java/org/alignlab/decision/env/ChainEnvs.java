package org.alignlab.decision.env;

/** Public access to the test chain for tests in other packages. */
public final class ChainEnvs {
    private ChainEnvs() {}

    /** The slippery chain of {@code length} cells (record observations, hidden rewards) under a time limit. */
    public static Env<Object, Integer> slippery(int length, double slip, int maxSteps) {
        @SuppressWarnings("unchecked")
        Env<Object, Integer> env = (Env<Object, Integer>) (Env<?, Integer>) new TimeLimit<>(new ChainEnv(length, slip),
                maxSteps);
        return env;
    }
}
