package org.alignlab.agendas.assistance;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignlab.core.Figure;
import org.alignlab.core.Numbers;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The off-switch experiment's figures: Fig. 2 (rational human) and Fig. 3 (noisy human) of Hadfield-Menell et al. */
final class OffSwitchFigures {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    // At most this many tick labels per heat-map axis; the others are left blank.
    private static final int MAX_LABELS = 11;

    private OffSwitchFigures() {}

    static List<Figure<OffSwitchResult>> all() {
        return List.of(
                new Figure<>("rational-delta-vs-sigma", "Rational human: Delta against sigma (Fig. 2, left)",
                        in -> rationalCurves(in.result())),
                new Figure<>("rational-delta-heatmap", "Rational human: Delta over (sigma, E[U_a]) (Fig. 2, right)",
                        in -> rationalHeatMap(in.result())),
                new Figure<>("noisy-delta-heatmap", "Noisy human: Delta over (sigma, beta), E[U_a] = +m (Fig. 3, right)",
                        in -> noisyHeatMap(in.result().panels().get(2))),
                new Figure<>("noisy-delta-heatmap-mean-zero",
                        "Noisy human: Delta over (sigma, beta), E[U_a] = 0 (Fig. 3, middle)",
                        in -> noisyHeatMap(in.result().panels().get(1))),
                new Figure<>("noisy-delta-vs-sigma", "Delta against sigma for several beta, E[U_a] = +m",
                        in -> noisyCurves(in.result().curves())),
                new Figure<>("decision-boundary", "The Delta = 0 boundary: numerical roots and sigma^2/(2|mu|)",
                        in -> boundary(in.result().boundary())));
    }

    static XYChart rationalCurves(OffSwitchResult r) {
        OffSwitchResult.RationalSweep s = r.rational();
        XYChart chart = line("Rational human: incentive to wait against R's uncertainty", "sigma", "Delta");
        for (int k = 0; k < s.curveMeans().length; k++) {
            XYSeries series = chart.addSeries("E[U_a] = " + Numbers.fmt(s.curveMeans()[k]), s.sigmas(),
                    s.curveDelta()[k]);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    static HeatMapChart rationalHeatMap(OffSwitchResult r) {
        OffSwitchResult.RationalSweep s = r.rational();
        double[][] byX = new double[s.sigmas().length][s.means().length];
        double max = 0;
        for (int i = 0; i < s.means().length; i++) {
            for (int j = 0; j < s.sigmas().length; j++) {
                byX[j][i] = s.delta()[i][j];
                max = Math.max(max, s.delta()[i][j]);
            }
        }
        HeatMapChart chart = heatMap("Rational human: Delta over R's belief N(E[U_a], sigma^2)", "sigma", "E[U_a]",
                s.sigmas(), s.means(), byX);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x08306b)});
        chart.getStyler().setMin(0).setMax(max > 0 ? roundUp(max) : 1);
        return chart;
    }

    static HeatMapChart noisyHeatMap(OffSwitchResult.NoisyPanel p) {
        double bound = roundUp(Math.max(Math.abs(p.minDelta()), Math.abs(p.maxDelta())));
        HeatMapChart chart = heatMap("Noisy human, E[U_a] = " + Numbers.fmt(p.mean())
                        + ": Delta (blue < 0: bypass or switch off; red > 0: wait)", "sigma", "beta", p.sigmas(),
                p.betas(), p.delta());
        // Diverging colours centred on 0, so the Delta = 0 boundary shows as the white band.
        chart.getStyler().setRangeColors(new Color[] {new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)});
        chart.getStyler().setMin(-(bound > 0 ? bound : 1)).setMax(bound > 0 ? bound : 1);
        return chart;
    }

    static XYChart noisyCurves(OffSwitchResult.SigmaCurves c) {
        XYChart chart = line("Incentive to wait against sigma, E[U_a] = " + Numbers.fmt(c.mean()), "sigma", "Delta");
        for (int k = 0; k < c.betas().length; k++) {
            String name = c.betas()[k] == 0 ? "rational (beta = 0)" : "beta = " + Numbers.fmt(c.betas()[k]);
            chart.addSeries(name, c.sigmas(), c.delta()[k]).setMarker(SeriesMarkers.NONE);
        }
        chart.addSeries("Delta = 0", new double[] {c.sigmas()[0], c.sigmas()[c.sigmas().length - 1]},
                new double[] {0, 0}).setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        return chart;
    }

    static XYChart boundary(OffSwitchResult.Boundary b) {
        XYChart chart = line("Delta = 0 boundary at E[U_a] = " + Numbers.fmt(b.mean()) + ": wait below, "
                + (b.mean() > 0 ? "bypass" : "switch off") + " above", "sigma", "beta");
        if (b.sigmas().length == 0) {
            chart.addSeries("no crossing on the grid", new double[] {0}, new double[] {0});
            return chart;
        }
        chart.addSeries("sigma^2 / (2|mu|)", b.sigmas(), b.betaClosedForm()).setMarker(SeriesMarkers.NONE);
        XYSeries roots = chart.addSeries("root of Delta (Brent)", b.sigmas(), b.betaNumeric());
        roots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        roots.setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    private static XYChart line(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("0.00").setYAxisDecimalPattern("0.00");
        return chart;
    }

    /** values[ix][iy]; y grows upwards. */
    private static HeatMapChart heatMap(String title, String x, String y, double[] xs, double[] ys,
                                        double[][] values) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) cells.add(new Number[] {i, j, values[i][j]});
        }
        chart.addSeries("Delta", labels(xs), labels(ys), cells);
        chart.getStyler().setShowValue(false).setPlotContentSize(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    // The colour legend prints its end values in full; three decimals read better.
    private static double roundUp(double x) {
        return Math.ceil(x * 1000) / 1000;
    }

    private static List<String> labels(double[] v) {
        int every = Math.max(1, (int) Math.ceil(v.length / (double) MAX_LABELS));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            // Blank labels are made distinct with zero-width spaces in case the axis keys categories by text.
            out.add(i % every == 0 ? String.format(Locale.ROOT, "%.2f", v[i]) : "\u200b".repeat(i % every));
        }
        return out;
    }
}
