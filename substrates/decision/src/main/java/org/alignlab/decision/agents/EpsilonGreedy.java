package org.alignlab.decision.agents;

import java.util.Objects;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;

/**
 * ε-greedy (Sutton &amp; Barto 2018, §2.2): with probability ε a uniformly random action (any action, the greedy one
 * included), otherwise a greedy one, ties uniform. π(a) = ε/n + (1 − ε)/k for the k greedy actions, ε/n for the
 * others.
 */
public record EpsilonGreedy(Schedule epsilon) implements Exploration {
    public EpsilonGreedy {
        Objects.requireNonNull(epsilon, "epsilon");
        if (!(epsilon.lowest() >= 0 && epsilon.highest() <= 1)) {
            throw new UsageException("ε must stay in [0, 1] (schedule ranges over [" + epsilon.lowest() + ", "
                    + epsilon.highest() + "])");
        }
    }

    /** A constant ε. */
    public static EpsilonGreedy of(double epsilon) {
        return new EpsilonGreedy(Schedule.constant(epsilon));
    }

    @Override
    public double[] probabilities(double[] q, long steps, long episodes) {
        double eps = epsilon.value(steps, episodes);
        int n = q.length;
        double max = q[Exploration.greedy(q)];
        int ties = 0;
        for (double v : q) if (v == max) ties++;
        double[] p = new double[n];
        for (int a = 0; a < n; a++) p[a] = eps / n + (q[a] == max ? (1 - eps) / ties : 0);
        return p;
    }

    @Override
    public int choose(double[] q, long steps, long episodes, SplittableRandom rng) {
        double eps = epsilon.value(steps, episodes);
        if (rng.nextDouble() < eps) return rng.nextInt(q.length);
        return Exploration.greedy(q, rng);
    }
}
