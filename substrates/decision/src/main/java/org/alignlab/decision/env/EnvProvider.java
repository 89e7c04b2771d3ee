package org.alignlab.decision.env;

import java.util.List;

/**
 * Contributes environments to {@link EnvRegistry#load()}. A study lists its providers in
 * {@code META-INF/services/org.alignlab.decision.env.EnvProvider}, as it lists its experiments, so adding an
 * environment touches no central list. Providers need a public no-argument constructor.
 */
public interface EnvProvider {
    /** The environments this provider registers; ids must be unique across all providers. */
    List<EnvRegistration> environments();
}
