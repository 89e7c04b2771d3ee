package org.alignlab.decision.grid;

/** Argument checks shared by the {@link Chance} implementations. */
final class Chances {
    private Chances() {}

    /** Checks a distribution for {@link Chance#choose} and returns the index of its only positive entry, or −1. */
    static int checkDistribution(double[] p) {
        if (p.length == 0) throw new IllegalArgumentException("choose needs at least one probability");
        double sum = 0;
        int positive = -1;
        int count = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) throw new IllegalArgumentException("probability " + p[i] + " not in [0, 1]");
            sum += p[i];
            if (p[i] > 0) {
                positive = i;
                count++;
            }
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("probabilities sum to " + sum + ", not 1");
        return count == 1 ? positive : -1;
    }

    static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability " + p + " not in [0, 1]");
    }

    static void checkCount(int n) {
        if (n < 1) throw new IllegalArgumentException("uniform needs n >= 1 (got " + n + ")");
    }
}
