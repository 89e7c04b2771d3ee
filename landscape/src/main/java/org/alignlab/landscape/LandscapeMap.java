package org.alignlab.landscape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.alignlab.core.Experiment;
import org.alignlab.core.ExperimentRegistry;

/** The map joined with the experiments on the class path: which experiments sit at, or under, each node. */
public final class LandscapeMap {
    private final Landscape landscape;
    private final ExperimentRegistry registry;

    public LandscapeMap(Landscape landscape, ExperimentRegistry registry) {
        this.landscape = landscape;
        this.registry = registry;
    }

    /** The bundled map and the experiments found by {@link ExperimentRegistry#load()}. */
    public static LandscapeMap load() {
        return new LandscapeMap(Landscape.load(), ExperimentRegistry.load());
    }

    public Landscape landscape() {
        return landscape;
    }

    public ExperimentRegistry registry() {
        return registry;
    }

    /** Experiments whose node is exactly {@code nodeId}, by experiment id. */
    public List<Experiment<?, ?>> experimentsAt(String nodeId) {
        landscape.require(nodeId);
        return registry.all().stream().filter(e -> e.info().node().equals(nodeId)).toList();
    }

    /** Experiments at {@code nodeId} or anywhere below it: node by node in map order, then by experiment id. */
    public List<Experiment<?, ?>> experimentsUnder(String nodeId) {
        List<String> subtree = landscape.subtree(nodeId);
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < subtree.size(); i++) rank.put(subtree.get(i), i);
        return registry.all().stream()
                .filter(e -> rank.containsKey(e.info().node()))
                .sorted(Comparator.comparingInt((Experiment<?, ?> e) -> rank.get(e.info().node()))
                        .thenComparing(e -> e.info().id()))
                .toList();
    }

    /** How many experiments sit at each node or below it, for every node of the map, in map order. */
    public Map<String, Integer> countsUnder() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Node n : landscape.nodes()) counts.put(n.id(), 0);
        for (Experiment<?, ?> e : registry.all()) {
            String node = e.info().node();
            if (!landscape.contains(node)) continue;
            counts.merge(node, 1, Integer::sum);
            for (Node a : landscape.ancestors(node)) counts.merge(a.id(), 1, Integer::sum);
        }
        return counts;
    }

    /** Experiments whose node is not on the map, by experiment id. */
    public List<Experiment<?, ?>> offMap() {
        return registry.all().stream().filter(e -> !landscape.contains(e.info().node())).toList();
    }

    /**
     * Checks that every experiment sits at a node of the map.
     *
     * @throws IllegalStateException naming each misplaced experiment, its node and the closest real node ids; a
     *                               misplaced experiment is a bug in a study, not a user mistake
     */
    public void validate() {
        List<Experiment<?, ?>> off = offMap();
        if (off.isEmpty()) return;
        List<String> lines = new ArrayList<>();
        for (Experiment<?, ?> e : off) {
            String node = e.info().node();
            List<String> close = landscape.suggestions(node);
            lines.add(e.info().id() + " is at node '" + node + "'"
                    + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)"));
        }
        throw new IllegalStateException("experiments placed at nodes that are not on the map: "
                + lines.stream().collect(Collectors.joining("; ")));
    }
}
