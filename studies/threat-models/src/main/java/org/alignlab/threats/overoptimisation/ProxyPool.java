package org.alignlab.threats.overoptimisation;

import java.util.SplittableRandom;

/**
 * A pool of P outputs of the base policy with their gold and proxy scores, sorted by proxy score (ascending), the
 * order {@link BestOfN} reads. The proxy is also expressed in gold units: centred on its pool mean and scaled by the
 * least-squares slope of gold on proxy over the pool, so that proxy and gold start level and are comparable
 * (selection always uses the proxy's own order).
 *
 * @param gold          gold scores, ascending proxy order, centred on their pool mean (so R(0) = 0)
 * @param proxy         proxy scores in gold units, same order, centred
 * @param rawProxy      the proxy's own scores (Bradley–Terry logits), same order
 * @param slope         the gold-units scale: proxy = slope·(rawProxy − mean)
 * @param correlation   corr(proxy, gold) over the pool
 */
record ProxyPool(double[] gold, double[] proxy, double[] rawProxy, double slope, double correlation) {

    static ProxyPool draw(GoldReward g, QuadraticRewardModel model, int size, SplittableRandom rng) {
        int k = g.dimension();
        double[] x = new double[k];
        double[] raw = new double[size];
        double[] gold = new double[size];
        for (int i = 0; i < size; i++) {
            Gaussian.fill(x, rng);
            raw[i] = model.score(x);
            gold[i] = g.value(x);
        }
        int[] order = Sorting.ascending(raw);
        double[] rs = new double[size];
        double[] gs = new double[size];
        for (int i = 0; i < size; i++) {
            rs[i] = raw[order[i]];
            gs[i] = gold[order[i]];
        }
        double mr = 0;
        double mg = 0;
        for (int i = 0; i < size; i++) {
            mr += rs[i];
            mg += gs[i];
        }
        mr /= size;
        mg /= size;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < size; i++) {
            double a = rs[i] - mr;
            double b = gs[i] - mg;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        double corr = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
        double[] proxy = new double[size];
        for (int i = 0; i < size; i++) {
            proxy[i] = slope * (rs[i] - mr);
            gs[i] -= mg;
        }
        return new ProxyPool(gs, proxy, rs, slope, corr);
    }

    int size() {
        return gold.length;
    }

    static double[] reversed(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[a.length - 1 - i];
        return out;
    }
}
