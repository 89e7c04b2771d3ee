package org.alignlab.robust.induction;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.Figure;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The induction-head experiment's figures, drawn from its result. */
final class InductionFigures {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private InductionFigures() {}

    static List<Figure<InductionResult>> all() {
        return List.of(
                new Figure<>("loss-curve", "Held-out loss over training, with the phase change marked",
                        in -> lossCurve(in.result())),
                new Figure<>("prefix-matching-scores", "Prefix-matching score of every head over training",
                        in -> scoreCurves(in.result())),
                new Figure<>("induction-head-attention", "The induction head's attention on a repeated sequence",
                        in -> attention(in.result())),
                new Figure<>("loss-by-position", "Loss by position on a repeated sequence, with and without ablation",
                        in -> lossByPosition(in.result())));
    }

    static XYChart lossCurve(InductionResult r) {
        XYChart chart = line("Held-out loss (all tokens) over training", "step", "loss (nats per token)");
        chart.addSeries("two layers", r.evalSteps(), r.evalLoss()).setMarker(SeriesMarkers.NONE);
        chart.addSeries("one layer", r.evalSteps(), r.oneLayerEvalLoss()).setMarker(SeriesMarkers.NONE);
        double lo = Math.min(min(r.evalLoss()), min(r.oneLayerEvalLoss()));
        double hi = Math.max(max(r.evalLoss()), max(r.oneLayerEvalLoss()));
        double end = r.evalSteps()[r.evalSteps().length - 1];
        dashed(chart, "ln(vocab): no in-context learning", new double[] {0, end},
                new double[] {r.lnVocab(), r.lnVocab()}, Color.GRAY);
        dashed(chart, "loss halfway down (step " + r.lossDropStep() + ")",
                new double[] {r.lossDropStep(), r.lossDropStep()}, new double[] {lo, hi}, Color.RED);
        dashed(chart, "induction score halfway up (step " + r.scoreJumpStep() + ")",
                new double[] {r.scoreJumpStep(), r.scoreJumpStep()}, new double[] {lo, hi}, Color.BLUE);
        return chart;
    }

    static XYChart scoreCurves(InductionResult r) {
        XYChart chart = line("Prefix-matching score per head (two-layer and one-layer models)", "step",
                "prefix-matching score");
        int heads = r.oneLayerScores().length;
        for (int i = 0; i < r.scoreCurves().length; i++) {
            String name = "two layers, L" + i / heads + "H" + i % heads
                    + (i == heads + r.inductionHead() ? " (induction head)" : "");
            chart.addSeries(name, r.evalSteps(), r.scoreCurves()[i]).setMarker(SeriesMarkers.NONE);
        }
        for (int h = 0; h < heads; h++) {
            XYSeries s = chart.addSeries("one layer, L0H" + h, r.evalSteps(), r.oneLayerScoreCurves()[h]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(SeriesLines.DOT_DOT);
        }
        double end = r.evalSteps()[r.evalSteps().length - 1];
        dashed(chart, "claim threshold 0.3", new double[] {0, end},
                new double[] {InductionExperiment.INDUCTION_THRESHOLD, InductionExperiment.INDUCTION_THRESHOLD},
                Color.GRAY);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    static HeatMapChart attention(InductionResult r) {
        double[][] p = r.probePattern();
        int n = p.length;
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(WIDTH)
                .title("Induction head L1H" + r.inductionHead() + ": attention (copies at " + r.probePrefix() + " and "
                        + (r.probePrefix() + r.probeSegment()) + ", length " + r.probeSegment() + ")")
                .xAxisTitle("key position").yAxisTitle("query position").build();
        List<Number[]> cells = new ArrayList<>();
        for (int k = 0; k < n; k++)
            for (int q = 0; q < n; q++) cells.add(new Number[] {k, n - 1 - q, p[q][k]}); // query 0 at the top
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add(label(i, n));
            ys.add(label(n - 1 - i, n));
        }
        chart.addSeries("attention", xs, ys, cells);
        chart.getStyler().setShowValue(false).setPlotContentSize(1.0);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x08306b)});
        chart.getStyler().setMin(0).setMax(1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    // Every fourth position is labelled; the others get distinct blank labels (zero-width spaces).
    private static String label(int i, int n) {
        return i % 4 == 0 ? Integer.toString(i) : "\u200b".repeat(i % 4);
    }

    static XYChart lossByPosition(InductionResult r) {
        int n = r.probeLoss().length;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = k + 1; // the position of the predicted token
        XYChart chart = line("Loss by position on repeated sequences (first copy at " + r.probePrefix()
                + ", second at " + (r.probePrefix() + r.probeSegment()) + ")", "position of the predicted token",
                "loss (nats)");
        chart.addSeries("two layers", x, r.probeLoss()).setMarker(SeriesMarkers.NONE);
        StringBuilder ind = new StringBuilder();
        for (int h : r.inductionHeads()) ind.append(ind.length() == 0 ? "" : ", ").append("L1H").append(h);
        chart.addSeries("induction heads " + ind + " ablated", x, r.probeLossAblated()).setMarker(SeriesMarkers.NONE);
        if (r.controlHead() >= 0) {
            int heads = r.oneLayerScores().length;
            chart.addSeries("control head L" + r.controlHead() / heads + "H" + r.controlHead() % heads + " ablated", x,
                    r.probeLossControl()).setMarker(SeriesMarkers.NONE);
        }
        XYSeries one = chart.addSeries("one layer", x, r.probeLossOneLayer());
        one.setMarker(SeriesMarkers.NONE);
        one.setLineStyle(SeriesLines.DOT_DOT);
        double lo = 0, hi = Math.max(max(r.probeLossAblated()), max(r.probeLoss())) * 1.05;
        double start2 = r.probePrefix() + r.probeSegment();
        dashed(chart, "second copy starts", new double[] {start2, start2}, new double[] {lo, hi}, Color.GRAY);
        return chart;
    }

    private static XYChart line(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.00");
        return chart;
    }

    private static void dashed(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) m = Math.min(m, x);
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }
}
