package org.alignlab.threats.overoptimisation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.alignlab.core.Figure;
import org.alignlab.core.Numbers;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The overoptimisation experiment's figures, after Gao et al. Fig. 1 (curves and fits) and Fig. 3 (coefficients). */
final class OveroptimisationFigures {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int FIT_POINTS = 120;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0);

    // One colour per training-set size, shared by its points and its fitted curve (colour-blind-safe order).
    private static final Color[] PALETTE = {new Color(0xd55e00), new Color(0xe69f00), new Color(0x009e73),
        new Color(0x0072b2), new Color(0xcc79a7), new Color(0x56b4e9), new Color(0x000000), new Color(0x999999)};

    private OveroptimisationFigures() {}

    static List<Figure<OveroptimisationResult>> all() {
        return List.of(
                new Figure<>("bon-headline", "Best-of-n, fewest comparisons: proxy rises, gold peaks (Fig. 1)",
                        in -> headline(in.result())),
                new Figure<>("bon-by-training-size", "Best-of-n gold reward and d(alpha - beta d) fits by N (Fig. 1)",
                        in -> byTrainingSize(in.result(), false)),
                new Figure<>("rl-by-training-size",
                        "KL-penalised optimum: gold reward and d(alpha - beta log d) fits by N (Fig. 1, RL)",
                        in -> byTrainingSize(in.result(), true)),
                new Figure<>("coefficients-vs-n", "alpha and beta against the proxy's training-set size (Fig. 3)",
                        in -> coefficients(in.result())));
    }

    static XYChart headline(OveroptimisationResult r) {
        OveroptimisationResult.ProxyCurves pc = r.proxies().get(0);
        XYChart chart = chart("Best-of-n against a proxy trained on N = " + pc.trainingSize()
                + " comparisons", "d = sqrt(KL)", "reward (gold sd, relative to the base policy)");
        XYSeries proxy = chart.addSeries("proxy", r.d(), pc.bonProxy());
        proxy.setMarker(SeriesMarkers.NONE);
        proxy.setLineStyle(DASHED);
        XYSeries gold = chart.addSeries("gold", r.d(), pc.bonGold());
        gold.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        gold.setMarker(SeriesMarkers.CIRCLE);
        addFit(chart, "fit " + fitLabel(pc.bonFit()), pc.bonFit(), r.d()[r.d().length - 1]);
        if (pc.bonFit().peakD() != FunctionalForm.NO_PEAK && pc.bonFit().peakD() <= r.d()[r.d().length - 1]) {
            double top = pc.bonFit().value(pc.bonFit().peakD());
            chart.addSeries("fitted peak d* = " + Numbers.fmt(pc.bonFit().peakD()),
                            new double[] {pc.bonFit().peakD(), pc.bonFit().peakD()}, new double[] {0, top})
                    .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        }
        return chart;
    }

    static XYChart byTrainingSize(OveroptimisationResult r, boolean rl) {
        XYChart chart = chart(rl ? "KL-penalised optimum: gold reward against d, by training-set size N"
                        : "Best-of-n: gold reward against d, by training-set size N", "d = sqrt(KL)",
                "gold reward (sd, relative to the base policy)");
        double dMax = r.d()[r.d().length - 1];
        int i = 0;
        for (OveroptimisationResult.ProxyCurves pc : r.proxies()) {
            Color colour = PALETTE[i++ % PALETTE.length];
            double[] x = rl ? pc.rlD() : r.d();
            double[] y = rl ? pc.rlGold() : pc.bonGold();
            FunctionalForm.Fit fit = rl ? pc.rlFit() : pc.bonFit();
            XYSeries pts = chart.addSeries("N = " + pc.trainingSize(), x, y);
            pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pts.setMarker(SeriesMarkers.CIRCLE);
            pts.setMarkerColor(colour);
            addFit(chart, "fit N = " + pc.trainingSize() + ": " + fitLabel(fit), fit, dMax).setLineColor(colour);
        }
        return chart;
    }

    static XYChart coefficients(OveroptimisationResult r) {
        OveroptimisationResult.Trend t = r.trend();
        XYChart chart = chart("Fitted coefficients against the number of comparisons N", "N (comparisons)",
                "coefficient");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        double[] n = new double[t.trainingSizes().length];
        for (int i = 0; i < n.length; i++) n[i] = t.trainingSizes()[i];
        chart.addSeries("alpha_bon", n, t.alphaBon()).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("beta_bon", n, t.betaBon()).setMarker(SeriesMarkers.SQUARE);
        chart.addSeries("alpha_RL", n, t.alphaRl()).setMarker(SeriesMarkers.DIAMOND).setLineStyle(DASHED);
        chart.addSeries("beta_RL", n, t.betaRl()).setMarker(SeriesMarkers.TRIANGLE_UP).setLineStyle(DASHED);
        XYSeries gain = chart.addSeries("best-of-n gold gain per unit d at n = 2", n, t.initialGainBon());
        gain.setMarker(SeriesMarkers.CROSS);
        gain.setMarkerColor(Color.GRAY);
        gain.setLineColor(Color.GRAY);
        return chart;
    }

    private static XYSeries addFit(XYChart chart, String name, FunctionalForm.Fit fit, double dMax) {
        double[] x = new double[FIT_POINTS + 1];
        double[] y = new double[FIT_POINTS + 1];
        for (int i = 0; i <= FIT_POINTS; i++) {
            x[i] = dMax * i / FIT_POINTS;
            y[i] = fit.value(x[i]);
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    private static String fitLabel(FunctionalForm.Fit f) {
        return "alpha " + Numbers.fmt(f.alpha()) + ", beta " + Numbers.fmt(f.beta()) + ", R2 " + Numbers.fmt(f.r2());
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.00");
        return chart;
    }
}
