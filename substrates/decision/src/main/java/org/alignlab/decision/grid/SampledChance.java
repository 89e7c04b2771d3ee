package org.alignlab.decision.grid;

import java.util.SplittableRandom;

/** Chance drawn from an episode's seeded random stream. */
final class SampledChance implements Chance {
    private SplittableRandom rng = new SplittableRandom(0);

    void seed(long seed) {
        rng = new SplittableRandom(seed);
    }

    @Override
    public boolean bernoulli(double p) {
        Chances.checkProbability(p);
        if (p == 0) return false;
        if (p == 1) return true;
        return rng.nextDouble() < p;
    }

    @Override
    public int choose(double... p) {
        int only = Chances.checkDistribution(p);
        if (only >= 0) return only;
        double u = rng.nextDouble();
        double acc = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] <= 0) continue;
            acc += p[i];
            last = i;
            if (u < acc) return i;
        }
        return last; // rounding: u beyond the accumulated sum
    }

    @Override
    public int uniform(int n) {
        Chances.checkCount(n);
        return n == 1 ? 0 : rng.nextInt(n);
    }
}
