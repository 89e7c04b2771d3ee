package org.alignlab.core;

import java.util.List;

/**
 * A runnable reproduction or demonstration. Implementations are registered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.alignlab.core.Experiment}) and must have a public no-argument constructor.
 *
 * @param <C> the config record; every component carries {@link Param}
 * @param <R> the result record; stored as JSON, so its components are numbers, strings, lists, arrays or records
 */
public interface Experiment<C extends Record, R extends Record> {
    ExperimentInfo info();

    Class<C> configType();

    Class<R> resultType();

    /** The preset for a scale: {@code QUICK} runs in seconds, {@code PAPER} follows the published setup. */
    C config(Scale scale);

    /** Runs once with the context's seed. Must be deterministic given config and seed, on any thread count. */
    R run(C config, RunContext ctx);

    /** The published numbers (and demonstrated properties) this experiment checks. */
    List<Claim<R>> claims();

    /** Figures drawn from a result and the metrics its run logged. */
    default List<Figure<R>> figures() {
        return List.of();
    }

    /** Extra validation across fields, after range checks; throw {@link UsageException} for a bad combination. */
    default void validate(C config) {}
}
