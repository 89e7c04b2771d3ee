package org.alignlab.core;

import org.hipparchus.distribution.continuous.TDistribution;

/** Mean and a two-sided 95% Student-t interval of a sample, summed in index order (deterministic). */
public final class Stats {
    private Stats() {}

    /** Mean and 95% interval; with one value the interval is that value (no spread can be estimated). */
    public record Interval(int n, double mean, double sd, double lo, double hi) {}

    public static Interval interval95(double[] xs) {
        int n = xs.length;
        if (n == 0) return new Interval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double sum = 0;
        for (double x : xs) sum += x;
        double mean = sum / n;
        if (n == 1) return new Interval(1, mean, 0, mean, mean);
        double ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd / Math.sqrt(n);
        return new Interval(n, mean, sd, mean - half, mean + half);
    }
}
