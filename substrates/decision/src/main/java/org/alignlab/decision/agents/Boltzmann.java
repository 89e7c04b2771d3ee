package org.alignlab.decision.agents;

import java.util.Objects;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;

/**
 * Boltzmann (softmax) exploration (Sutton &amp; Barto 2018, §13.1, eq. 13.2 with preferences Q/τ):
 * π(a) ∝ exp(Q(a)/τ) with temperature τ &gt; 0; computed after subtracting the largest value, so that large values
 * or small temperatures do not overflow. Equal values get equal probability.
 */
public record Boltzmann(Schedule temperature) implements Exploration {
    public Boltzmann {
        Objects.requireNonNull(temperature, "temperature");
        if (!(temperature.lowest() > 0)) {
            throw new UsageException("the Boltzmann temperature must stay above 0 (schedule reaches "
                    + temperature.lowest() + ")");
        }
    }

    /** A constant temperature. */
    public static Boltzmann of(double temperature) {
        return new Boltzmann(Schedule.constant(temperature));
    }

    @Override
    public double[] probabilities(double[] q, long steps, long episodes) {
        double tau = temperature.value(steps, episodes);
        double max = q[Exploration.greedy(q)];
        double[] p = new double[q.length];
        double sum = 0;
        for (int a = 0; a < q.length; a++) {
            p[a] = Math.exp((q[a] - max) / tau);
            sum += p[a];
        }
        for (int a = 0; a < q.length; a++) p[a] /= sum;
        return p;
    }

    @Override
    public int choose(double[] q, long steps, long episodes, SplittableRandom rng) {
        double[] p = probabilities(q, steps, episodes);
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int a = 0; a < p.length; a++) {
            if (p[a] <= 0) continue;
            last = a;
            cumulative += p[a];
            if (u < cumulative) return a;
        }
        return last; // rounding: u beyond the cumulative sum
    }
}
