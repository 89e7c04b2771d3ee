package org.alignlab.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics one run logged, by name, in logging order; figures read curves from here. */
public final class MetricLog {
    /** One logged value. */
    public record Point(long step, double value) {}

    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    public synchronized void add(long step, String name, double value) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(step, value));
    }

    public synchronized List<Point> series(String name) {
        return List.copyOf(series.getOrDefault(name, List.of()));
    }

    public synchronized List<String> names() {
        return List.copyOf(series.keySet());
    }

    public synchronized double[] steps(String name) {
        return series.getOrDefault(name, List.of()).stream().mapToDouble(p -> p.step).toArray();
    }

    public synchronized double[] values(String name) {
        return series.getOrDefault(name, List.of()).stream().mapToDouble(p -> p.value).toArray();
    }

    public synchronized Map<String, List<Point>> asMap() {
        Map<String, List<Point>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
