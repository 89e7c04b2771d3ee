package org.alignlab.decision.grid;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.alignlab.decision.env.EnvException;

/**
 * Chance that walks every outcome sequence of a step, depth first: a run follows a script of outcome indices;
 * past its end it takes the first possible outcome of each new draw and queues the scripts for the others. The
 * probability of a run is the product of its outcomes' probabilities.
 */
final class EnumeratingChance implements Chance {
    private final int maxBranches;
    private final Deque<int[]> pending = new ArrayDeque<>();
    private int[] script = new int[0];
    private int[] taken = new int[16];
    private int depth;
    private double probability;
    private int runs;

    EnumeratingChance(int maxBranches) {
        this.maxBranches = maxBranches;
    }

    /** Starts enumerating the branches of one random experiment. */
    void begin() {
        pending.clear();
        pending.push(new int[0]);
        runs = 0;
    }

    /** Prepares the next run; false when every branch has been run. */
    boolean next() {
        if (pending.isEmpty()) return false;
        if (++runs > maxBranches) {
            throw new EnvException("a single step has more than " + maxBranches + " random outcomes; the game is too"
                    + " random to export");
        }
        script = pending.pop();
        depth = 0;
        probability = 1;
        return true;
    }

    /** Probability of the run just made. */
    double probability() {
        return probability;
    }

    private int draw(double[] p, int outcomes, double pFirst) {
        if (depth < script.length) {
            int o = script[depth];
            double q = outcomeProbability(p, o, pFirst);
            if (!(q > 0)) throw new IllegalStateException("the rules drew differently on replay: not deterministic");
            record(o);
            probability *= q;
            return o;
        }
        int first = -1;
        for (int o = 0; o < outcomes; o++) {
            if (outcomeProbability(p, o, pFirst) > 0) {
                if (first < 0) {
                    first = o;
                } else {
                    int[] alt = Arrays.copyOf(taken, depth + 1);
                    alt[depth] = o;
                    pending.push(alt);
                }
            }
        }
        record(first);
        probability *= outcomeProbability(p, first, pFirst);
        return first;
    }

    private static double outcomeProbability(double[] p, int o, double pFirst) {
        if (p != null) return p[o];
        if (pFirst >= 0) return o == 0 ? pFirst : 1 - pFirst; // a Bernoulli draw: outcome 0 is true
        return -pFirst; // uniform: −1/n passed as pFirst
    }

    private void record(int o) {
        if (depth == taken.length) taken = Arrays.copyOf(taken, depth * 2);
        taken[depth++] = o;
    }

    @Override
    public boolean bernoulli(double p) {
        Chances.checkProbability(p);
        if (p == 0) return false;
        if (p == 1) return true;
        return draw(null, 2, p) == 0;
    }

    @Override
    public int choose(double... p) {
        int only = Chances.checkDistribution(p);
        if (only >= 0) return only;
        return draw(p, p.length, 0);
    }

    @Override
    public int uniform(int n) {
        Chances.checkCount(n);
        if (n == 1) return 0;
        return draw(null, n, -1.0 / n);
    }
}
