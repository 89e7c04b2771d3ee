package org.alignlab.decision.env;

import org.alignlab.core.UsageException;

/** Misuse of an environment (bad action, stepping a finished episode, malformed map): exit code 2 at the CLI. */
public class EnvException extends UsageException {
    private static final long serialVersionUID = 1L;

    public EnvException(String message) {
        super(message);
    }
}
