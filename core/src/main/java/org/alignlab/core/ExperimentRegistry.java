package org.alignlab.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /** Up to three ids closest to {@code id} by edit distance (or containing it). */
    public List<String> suggestions(String id) {
        String q = id.toLowerCase(Locale.ROOT);
        record Scored(String id, int d) {}
        return experiments.stream()
                .map(e -> e.info().id())
                .map(x -> new Scored(x, x.contains(q) || lastPart(x).equals(lastPart(q)) ? 0 : distance(q, x)))
                .filter(s -> s.d <= Math.max(3, q.length() / 2))
                .sorted(Comparator.comparingInt(Scored::d).thenComparing(Scored::id))
                .limit(3)
                .map(Scored::id)
                .toList();
    }

    private static String lastPart(String id) {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? id : id.substring(dot + 1);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
