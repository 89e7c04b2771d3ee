package org.alignlab.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The experiments on the class path, found with {@link ServiceLoader} and sorted by id. */
public final class ExperimentRegistry {
    private final List<Experiment<?, ?>> experiments;

    public ExperimentRegistry(List<Experiment<?, ?>> experiments) {
        List<Experiment<?, ?>> sorted = new ArrayList<>(experiments);
        sorted.sort(Comparator.comparing(e -> e.info().id()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).info().id().equals(sorted.get(i - 1).info().id())) {
                throw new IllegalStateException("two experiments share the id " + sorted.get(i).info().id());
            }
        }
        this.experiments = List.copyOf(sorted);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static ExperimentRegistry load() {
        List<Experiment<?, ?>> found = new ArrayList<>();
        for (Experiment e : ServiceLoader.load(Experiment.class)) found.add(e);
        return new ExperimentRegistry(found);
    }

    public List<Experiment<?, ?>> all() {
        return experiments;
    }

    public Optional<Experiment<?, ?>> find(String id) {
        return experiments.stream().filter(e -> e.info().id().equals(id)).findFirst();
    }

    /** The experiment with this id, or a {@link UsageException} naming the closest ids. */
    public Experiment<?, ?> require(String id) {
        return find(id).orElseThrow(() -> {
            List<String> close = suggestions(id);
            String hint = close.isEmpty() ? "see `alignlab list`" : "did you mean " + String.join(", ", close) + "?";
            return new UsageException("unknown experiment '" + id + "'; " + hint);
        });
    }

    /** Up to three ids closest to {@code id}. */
    public List<String> suggestions(String id) {
        return Suggestions.closest(id, experiments.stream().map(e -> e.info().id()).toList());
    }
}
