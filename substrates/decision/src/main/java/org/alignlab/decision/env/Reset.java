package org.alignlab.decision.env;

import java.util.Map;

/** What {@link Env#reset(long)} returns: the first observation and auxiliary information. */
public record Reset<O>(O observation, Map<String, Object> info) {
    public Reset {
        info = info == null ? Map.of() : info;
    }

    public static <O> Reset<O> of(O observation) {
        return new Reset<>(observation, Map.of());
    }
}
