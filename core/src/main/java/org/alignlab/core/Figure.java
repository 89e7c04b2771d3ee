package org.alignlab.core;

import java.util.Objects;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure an experiment declares: drawn with XChart from one run's result and the metrics it logged, then
 * rendered to PNG and SVG in the run's folder.
 */
public record Figure<R>(String id, String title, Function<Input<R>, Chart<?, ?>> draw) {
    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(draw, "draw");
    }

    /** What a figure is drawn from. */
    public record Input<R>(R result, MetricLog metrics) {}
}
