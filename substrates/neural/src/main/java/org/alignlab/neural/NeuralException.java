package org.alignlab.neural;

import org.alignlab.core.UsageException;

/**
 * A neural run that cannot go on for a reason the user can fix: shapes that do not fit, an unknown hook name, a
 * checkpoint from another model, a loss that became NaN. One line; the command line prints it and exits with 2.
 */
public class NeuralException extends UsageException {
    private static final long serialVersionUID = 1L;

    public NeuralException(String message) {
        super(message);
    }
}
