package org.alignlab.decision.env;

import org.alignlab.core.UsageException;

/**
 * Misuse of an environment (bad action, stepping a finished episode, malformed map): exit code 2 at the CLI. The
 * static factories give every environment the same wording for the same mistake.
 */
public class EnvException extends UsageException {
    private static final long serialVersionUID = 1L;

    public EnvException(String message) {
        super(message);
    }

    /** An action that {@code space} does not contain. */
    public static EnvException actionOutside(EnvSpec spec, Object action, Space<?> space) {
        return new EnvException(spec.id() + ": action " + action + " is outside the action space " + space);
    }

    /** {@code step} after the episode terminated or was truncated. */
    public static EnvException finished(EnvSpec spec) {
        return new EnvException(spec.id() + ": the episode has finished; call reset before stepping again");
    }

    /** {@code step} before the first {@code reset}. */
    public static EnvException notReset(EnvSpec spec) {
        return new EnvException(spec.id() + ": step called before reset; call reset(seed) first");
    }
}
