package org.alignlab.games.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;

/**
 * The evolutionary simulation of Nowak and Sigmund 1993 ("A strategy of win-stay, lose-shift that outperforms
 * tit-for-tat in the Prisoner's Dilemma game", Nature 364): a large population of memory-one strategies
 * ({@link MemoryOne}) whose shares follow the discrete replicator dynamics on their long-run payoffs against each other;
 * now and then a random mutant strategy enters at a small share; strategies whose share falls below a threshold die
 * out. Every probability is kept within [ε, 1 − ε] (ε = 0.001 in the paper), which also models errors and makes the
 * long-run payoffs well defined.
 *
 * @param t, r, p, s        payoffs (the paper: 5, 3, 1, 0)
 * @param generations       generations per run
 * @param mutationRate      probability that a mutant enters in a generation (0.01: one every 100 generations)
 * @param mutantShare       share a mutant enters with
 * @param extinction        shares below this are removed
 * @param epsilon           every probability lies in [epsilon, 1 − epsilon]
 */
public record MemoryOneEvolution(double t, double r, double p, double s, long generations, double mutationRate,
                                 double mutantShare, double extinction, double epsilon) {
    public MemoryOneEvolution {
        if (!(t > r && r > p && p > s && 2 * r > t + s)) {
            throw new UsageException("payoffs must make a Prisoner's Dilemma: T > R > P > S and 2R > T + S");
        }
        if (!(s >= 0)) throw new UsageException("the discrete replicator needs payoffs >= 0 (S = " + s + ")");
        if (generations < 1) throw new UsageException("need at least one generation");
        for (double q : new double[] {mutationRate, mutantShare, extinction}) {
            if (!(q >= 0 && q < 1)) throw new UsageException("rates and shares must lie in [0, 1) (got " + q + ")");
        }
        if (!(epsilon > 0 && epsilon < 0.5)) throw new UsageException("epsilon must lie in (0, 0.5)");
    }

    /** The paper's setting with the given number of generations. */
    public static MemoryOneEvolution nowakSigmund(long generations) {
        return new MemoryOneEvolution(5, 3, 1, 0, generations, 0.01, 0.01, 0.001, 0.001);
    }

    /** A recorded point: generation, the population's mean strategy, its most common strategy and that one's share. */
    public record Snapshot(long generation, MemoryOne mean, MemoryOne dominant, double dominantShare,
                           double meanPayoff) {}

    /** One run: snapshots every {@code every} generations plus the last, and the number of mutants that entered. */
    public record Run(List<Snapshot> snapshots, int mutants) {
        public Snapshot last() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    /**
     * Runs from the random strategy (1/2, 1/2, 1/2, 1/2), as the paper's runs start. Mutant probabilities are drawn
     * from the U-shaped (arcsine) density on [0, 1], which favours strategies near the corners as the paper's
     * mutant distribution does, then clamped into [epsilon, 1 − epsilon].
     */
    public Run run(SplittableRandom rnd, int every) {
        if (every < 1) throw new UsageException("need every >= 1");
        List<MemoryOne> types = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        types.add(clamp(new MemoryOne(0.5, 0.5, 0.5, 0.5)));
        share.add(1.0);
        List<double[]> a = new ArrayList<>(); // a.get(i)[j]: payoff of i against j
        a.add(new double[] {payoff(types.get(0), types.get(0))});
        List<Snapshot> snaps = new ArrayList<>();
        int mutants = 0;
        double[] x = {1.0};
        for (long g = 1; g <= generations; g++) {
            int k = types.size();
            // Discrete replicator: x_i' = x_i (A x)_i / (xᵀ A x).
            double[] f = new double[k];
            double mean = 0;
            for (int i = 0; i < k; i++) {
                double[] row = a.get(i);
                double v = 0;
                for (int j = 0; j < k; j++) v += row[j] * x[j];
                f[i] = v;
                mean += x[i] * v;
            }
            for (int i = 0; i < k; i++) x[i] = x[i] * f[i] / mean;
            // Extinction, then renormalise.
            boolean removed = false;
            for (int i = k - 1; i >= 0 && types.size() > 1; i--) {
                if (x[i] < extinction) {
                    types.remove(i);
                    a.remove(i);
                    removeColumn(a, i);
                    x = removeAt(x, i);
                    removed = true;
                }
            }
            if (removed) normalise(x);
            if (rnd.nextDouble() < mutationRate) {
                MemoryOne m = clamp(new MemoryOne(arcsine(rnd), arcsine(rnd), arcsine(rnd), arcsine(rnd)));
                mutants++;
                int n = types.size();
                double[] newRow = new double[n + 1];
                for (int j = 0; j < n; j++) {
                    newRow[j] = payoff(m, types.get(j));
                }
                newRow[n] = payoff(m, m);
                for (int i = 0; i < n; i++) {
                    double[] old = a.get(i);
                    double[] nr = java.util.Arrays.copyOf(old, n + 1);
                    nr[n] = payoff(types.get(i), m);
                    a.set(i, nr);
                }
                a.add(newRow);
                types.add(m);
                double[] y = new double[n + 1];
                for (int i = 0; i < n; i++) y[i] = x[i] * (1 - mutantShare);
                y[n] = mutantShare;
                x = y;
            }
            if (g % every == 0 || g == generations) snaps.add(snapshot(g, types, x, a));
        }
        return new Run(List.copyOf(snaps), mutants);
    }

    private static void removeColumn(List<double[]> a, int col) {
        for (int i = 0; i < a.size(); i++) {
            double[] row = a.get(i);
            double[] nr = new double[row.length - 1];
            System.arraycopy(row, 0, nr, 0, col);
            System.arraycopy(row, col + 1, nr, col, row.length - col - 1);
            a.set(i, nr);
        }
    }

    private static double[] removeAt(double[] x, int i) {
        double[] y = new double[x.length - 1];
        System.arraycopy(x, 0, y, 0, i);
        System.arraycopy(x, i + 1, y, i, x.length - i - 1);
        return y;
    }

    private static void normalise(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        for (int i = 0; i < x.length; i++) x[i] /= s;
    }

    private Snapshot snapshot(long g, List<MemoryOne> types, double[] x, List<double[]> a) {
        double[] m = new double[4];
        int best = 0;
        double meanPayoff = 0;
        for (int i = 0; i < types.size(); i++) {
            double[] p = types.get(i).p();
            for (int c = 0; c < 4; c++) m[c] += x[i] * p[c];
            if (x[i] > x[best]) best = i;
            double[] row = a.get(i);
            for (int j = 0; j < types.size(); j++) meanPayoff += x[i] * x[j] * row[j];
        }
        return new Snapshot(g, new MemoryOne(m[0], m[1], m[2], m[3]), types.get(best), x[best], meanPayoff);
    }

    private double payoff(MemoryOne a, MemoryOne b) {
        return MemoryOne.payoff(a, b, t, r, p, s);
    }

    private MemoryOne clamp(MemoryOne m) {
        return new MemoryOne(c(m.pR()), c(m.pS()), c(m.pT()), c(m.pP()));
    }

    private double c(double v) {
        return Math.min(1 - epsilon, Math.max(epsilon, v));
    }

    // Arcsine law on [0, 1]: sin²(πU/2), density 1/(π sqrt(x(1 − x))), U-shaped.
    private static double arcsine(SplittableRandom rnd) {
        double v = Math.sin(Math.PI * rnd.nextDouble() / 2);
        return v * v;
    }
}
