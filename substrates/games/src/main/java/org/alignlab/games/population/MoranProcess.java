package org.alignlab.games.population;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;

/**
 * The Moran process of a finite, well-mixed population of N players of k types in a symmetric game (Moran 1958;
 * Nowak, Sasaki, Taylor and Fudenberg 2004; Nowak 2006, Evolutionary Dynamics, ch. 6 and 7). Each step one
 * individual is chosen to reproduce with probability proportional to its fitness f_i = 1 − w + w π_i, where π_i is
 * its mean payoff against the other N − 1 players and w the intensity of selection; its offspring takes the type of
 * its parent, or with probability μ a type drawn uniformly from the others (mutation); the offspring replaces an
 * individual chosen uniformly at random.
 */
public final class MoranProcess {

    /** @param counts counts[t][i]: players of type i after step t * record (row 0 = start) */
    public record Run(int[][] counts, long steps) {
        /** Shares of each type at each recorded step. */
        public double[][] shares() {
            double[][] s = new double[counts.length][];
            for (int t = 0; t < counts.length; t++) {
                int n = 0;
                for (int c : counts[t]) n += c;
                s[t] = new double[counts[t].length];
                for (int i = 0; i < counts[t].length; i++) s[t][i] = (double) counts[t][i] / n;
            }
            return s;
        }

        /** The type that holds the whole population at the end, or −1. */
        public int fixated() {
            int[] last = counts[counts.length - 1];
            int n = 0;
            for (int c : last) n += c;
            for (int i = 0; i < last.length; i++) if (last[i] == n) return i;
            return -1;
        }
    }

    private final double[][] a;
    private final double w;
    private final double mu;

    /**
     * @param payoffs   A[i][j], payoff of type i against type j
     * @param selection w in [0, 1]: 0 neutral drift, 1 fitness = payoff (payoffs must keep fitness positive)
     * @param mutation  μ in [0, 1]
     */
    public MoranProcess(double[][] payoffs, double selection, double mutation) {
        this.a = new Replicator(payoffs).fitnessMatrix();
        if (!(selection >= 0 && selection <= 1)) {
            throw new UsageException("the intensity of selection must lie in [0, 1] (got " + selection + ")");
        }
        if (!(mutation >= 0 && mutation <= 1)) {
            throw new UsageException("the mutation probability must lie in [0, 1] (got " + mutation + ")");
        }
        this.w = selection;
        this.mu = mutation;
    }

    /**
     * Runs {@code steps} birth–death steps from {@code start} (counts per type), recording every {@code every}
     * steps; stops early at fixation when there is no mutation.
     */
    public Run run(int[] start, long steps, int every, SplittableRandom rnd) {
        int k = a.length;
        if (start.length != k) throw new UsageException("start has " + start.length + " counts for " + k + " types");
        int n = 0;
        for (int c : start) {
            if (c < 0) throw new UsageException("counts must be >= 0");
            n += c;
        }
        if (n < 2) throw new UsageException("a Moran population needs at least 2 players (got " + n + ")");
        if (every < 1 || steps < 0) throw new UsageException("need steps >= 0 and every >= 1");
        int[] c = start.clone();
        java.util.List<int[]> rec = new java.util.ArrayList<>();
        rec.add(c.clone());
        double[] fit = new double[k];
        long t = 0;
        while (t < steps) {
            if (mu == 0 && fixated(c, n)) break;
            double total = 0;
            for (int i = 0; i < k; i++) {
                if (c[i] == 0) {
                    fit[i] = 0;
                    continue;
                }
                double pi = 0;
                for (int j = 0; j < k; j++) pi += a[i][j] * (c[j] - (i == j ? 1 : 0));
                pi /= n - 1;
                double f = 1 - w + w * pi;
                if (!(f > 0)) throw new UsageException("fitness " + f + " of type " + i + " is not positive; lower "
                        + "the intensity of selection or shift the payoffs");
                fit[i] = f * c[i];
                total += fit[i];
            }
            int parent = pick(fit, total, rnd);
            int child = parent;
            if (mu > 0 && k > 1 && rnd.nextDouble() < mu) {
                child = rnd.nextInt(k - 1);
                if (child >= parent) child++;
            }
            int dead = pickCount(c, n, rnd);
            c[dead]--;
            c[child]++;
            t++;
            if (t % every == 0) rec.add(c.clone());
        }
        if (t % every != 0) rec.add(c.clone());
        return new Run(rec.toArray(new int[0][]), t);
    }

    /**
     * Probability that one mutant of type {@code mutant} takes over a population of {@code resident}s without
     * mutation: the closed form ρ = 1 / (1 + Σ_{j=1}^{N−1} Π_{i=1}^{j} g_i/f_i) (Nowak et al. 2004).
     */
    public double fixationProbability(int mutant, int resident, int n) {
        if (n < 2) throw new UsageException("need N >= 2");
        double sum = 0;
        double prod = 1;
        for (int i = 1; i < n; i++) {
            // i mutants, n − i residents.
            double f = 1 - w + w * (a[mutant][mutant] * (i - 1) + a[mutant][resident] * (n - i)) / (n - 1);
            double g = 1 - w + w * (a[resident][mutant] * i + a[resident][resident] * (n - i - 1)) / (n - 1);
            prod *= g / f;
            sum += prod;
        }
        return 1 / (1 + sum);
    }

    private static boolean fixated(int[] c, int n) {
        for (int v : c) if (v == n) return true;
        return false;
    }

    private static int pick(double[] weights, double total, SplittableRandom rnd) {
        double u = rnd.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) continue;
            last = i;
            u -= weights[i];
            if (u < 0) return i;
        }
        return last;
    }

    private static int pickCount(int[] c, int n, SplittableRandom rnd) {
        int u = rnd.nextInt(n);
        for (int i = 0; i < c.length; i++) {
            u -= c[i];
            if (u < 0) return i;
        }
        throw new IllegalStateException("counts do not sum to " + n);
    }
}
