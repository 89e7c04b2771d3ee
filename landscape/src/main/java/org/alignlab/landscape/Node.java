package org.alignlab.landscape;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One place on the map of the alignment field.
 *
 * @param id       stable dotted id, e.g. {@code threat-models.power-seeking}; experiments name it in their info
 * @param title    short human-readable name
 * @param kind     what sort of place it is
 * @param parent   id of the enclosing node, or {@code null} at the top level
 * @param summary  two to four sentences in our words
 * @param papers   the works that anchor it (empty only for grouping nodes)
 * @param concepts named ideas that live here
 */
public record Node(String id, String title, NodeKind kind, String parent, String summary, List<Paper> papers,
                   List<Concept> concepts) {
    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        papers = List.copyOf(papers);
        concepts = List.copyOf(concepts);
    }

    public boolean isRoot() {
        return parent == null;
    }

    public Optional<String> parentId() {
        return Optional.ofNullable(parent);
    }

    public Optional<Concept> concept(String conceptId) {
        return concepts.stream().filter(c -> c.id().equals(conceptId)).findFirst();
    }
}
