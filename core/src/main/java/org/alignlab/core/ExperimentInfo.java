package org.alignlab.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an experiment is: a stable dotted id, a title, the landscape node it sits at, the papers behind it and a
 * one-paragraph summary in our words.
 */
public record ExperimentInfo(String id, String title, String node, List<Source> sources, String summary) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    public ExperimentInfo {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("experiment id must be dotted lower-case words: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(node, "node");
        sources = List.copyOf(sources);
        summary = summary == null ? "" : summary;
    }
}
