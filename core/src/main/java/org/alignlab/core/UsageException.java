package org.alignlab.core;

/**
 * A user's mistake (bad id, bad override, unreadable store, ...). The command line prints the message as one
 * line and exits with code 2; the message says what was wrong and how to fix it.
 */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
