package org.alignlab.landscape;

import java.util.Objects;

/**
 * A named idea that lives at a node, such as the treacherous turn at power-seeking.
 *
 * @param id          lower-case with dashes, unique within its node
 * @param name        how people refer to it
 * @param explanation one sentence in our words
 */
public record Concept(String id, String name, String explanation) {
    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(explanation, "explanation");
    }
}
