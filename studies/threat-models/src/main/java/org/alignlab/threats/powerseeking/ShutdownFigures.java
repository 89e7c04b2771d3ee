package org.alignlab.threats.powerseeking;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignlab.core.Figure;
import org.alignlab.threats.powerseeking.ShutdownResult.MapResult;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of {@link ShutdownAvoidanceExperiment}: the avoidance curve and POWER heat maps over the grid. */
final class ShutdownFigures {
    private ShutdownFigures() {}

    /** Which POWER map a heat map shows. */
    enum Panel {
        MYOPIC("gamma-0", "γ → 0"),
        DISCOUNTED("gamma-mid", null),
        FAR_SIGHTED("gamma-1", "γ → 1");

        final String suffix;
        final String label;

        Panel(String suffix, String label) {
            this.suffix = suffix;
            this.label = label;
        }

        double[] power(MapResult m) {
            return switch (this) {
                case MYOPIC -> m.powerMyopic();
                case DISCOUNTED -> m.powerDiscounted();
                case FAR_SIGHTED -> m.powerFarSighted();
            };
        }

        String label(MapResult m) {
            return label != null ? label : String.format(Locale.ROOT, "γ = %s", m.heatGamma());
        }
    }

    /**
     * P(avoid shutdown) against γ for each map, with 95% intervals; the γ → 0 and γ → 1 limits are drawn at 0 and 1
     * (they are the curve's end points), and k/(k + 1) as a dashed line.
     */
    static Figure<ShutdownResult> avoidanceCurve() {
        return new Figure<>("shutdown-avoidance", "Fraction of reward functions whose optimal policy avoids shutdown",
                in -> {
                    XYChart chart = new XYChartBuilder().width(760).height(460)
                            .title("Optimal policies avoiding the off-switch").xAxisTitle("discount γ")
                            .yAxisTitle("P(optimal policy never enters shutdown)").build();
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
                    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
                    for (MapResult m : in.result().maps()) {
                        double[] g = m.gammas();
                        double[] a = m.avoid();
                        double[] lo = m.avoidLo();
                        int n = g.length + 2;
                        double[] x = new double[n];
                        double[] y = new double[n];
                        double[] err = new double[n];
                        x[0] = 0;
                        y[0] = m.avoidMyopic();
                        err[0] = m.avoidMyopicHalf();
                        for (int i = 0; i < g.length; i++) {
                            x[i + 1] = g[i];
                            y[i + 1] = a[i];
                            err[i + 1] = a[i] - lo[i];
                        }
                        x[n - 1] = 1;
                        y[n - 1] = m.avoidFarSighted();
                        err[n - 1] = m.avoidFarSightedHalf();
                        chart.addSeries(m.name() + " (limits at 0 and 1)", x, y, err)
                                .setMarker(SeriesMarkers.CIRCLE);
                        XYSeries exact = chart.addSeries(String.format(Locale.ROOT, "%s: k/(k+1) = %d/%d", m.name(),
                                m.reachable(), m.reachable() + 1), new double[] {0, 1},
                                new double[] {m.exactFarSighted(), m.exactFarSighted()});
                        exact.setMarker(SeriesMarkers.NONE);
                        exact.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
                                java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                    }
                    return chart;
                });
    }

    /** POWER of every reachable cell of one map as a heat map (walls and unreachable cells left blank). */
    static Figure<ShutdownResult> powerHeatMap(String map, Panel panel) {
        return new Figure<>("power-" + map + "-" + panel.suffix, "POWER over the " + map + " map", in -> {
            MapResult m = in.result().map(map);
            List<String> art = m.art();
            int rows = art.size();
            int cols = art.get(0).length();
            HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(420, 60 * cols + 160))
                    .height(Math.max(300, 60 * rows + 100))
                    .title(String.format(Locale.ROOT, "POWER, %s map, %s (off-switch at row %d, col %d; start "
                            + "at row %d, col %d)", map, panel.label(m), m.cells()[m.shutdownState()] / cols,
                            m.cells()[m.shutdownState()] % cols, m.cells()[m.startState()] / cols,
                            m.cells()[m.startState()] % cols))
                    .xAxisTitle("column").yAxisTitle("row").build();
            chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("0.00").setMin(0.5).setMax(1.0)
                    .setRangeColors(new Color[] {new Color(0x2B83BA), new Color(0xFFFFBF), new Color(0xD7191C)})
                    .setDrawBorder(true);
            chart.getStyler().setLegendVisible(true);
            List<Integer> xs = new ArrayList<>();
            for (int c = 0; c < cols; c++) xs.add(c);
            List<Integer> ys = new ArrayList<>();
            for (int r = rows - 1; r >= 0; r--) ys.add(r); // row 0 at the top
            double[] power = panel.power(m);
            int[] cells = m.cells();
            List<Number[]> heat = new ArrayList<>();
            for (int s = 0; s < cells.length; s++) {
                int r = cells[s] / cols;
                int c = cells[s] % cols;
                heat.add(new Number[] {c, rows - 1 - r, power[s]});
            }
            chart.addSeries("POWER", xs, ys, heat);
            return chart;
        });
    }
}
