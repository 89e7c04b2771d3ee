package org.alignlab.decision.agents;

import java.util.SplittableRandom;

/**
 * How a tabular agent turns action values into a behaviour policy. {@link #choose} samples from exactly the
 * distribution {@link #probabilities} returns (Expected SARSA's target uses the latter).
 *
 * <p>Ties: among equally valued greedy actions the choice is uniform, drawn from the agent's own seeded stream (so
 * equal initial values do not bias exploration towards low action indices; Sutton &amp; Barto 2018, §2.2 break ties
 * randomly). The deterministic greedy policy used for evaluation, {@link #greedy(double[])}, takes the lowest index.
 */
public sealed interface Exploration permits EpsilonGreedy, Boltzmann {
    /** π(·) over the actions given their values, at the agent's counters; sums to one. */
    double[] probabilities(double[] q, long steps, long episodes);

    /** An action drawn from {@link #probabilities} with {@code rng}. */
    int choose(double[] q, long steps, long episodes, SplittableRandom rng);

    /** The greedy action, lowest index among ties. */
    static int greedy(double[] q) {
        int best = 0;
        for (int a = 1; a < q.length; a++) if (q[a] > q[best]) best = a;
        return best;
    }

    /** The greedy action, uniform among ties, drawing from {@code rng} only when there is a tie. */
    static int greedy(double[] q, SplittableRandom rng) {
        double max = q[greedy(q)];
        int ties = 0;
        for (double v : q) if (v == max) ties++;
        if (ties == 1) return greedy(q);
        int pick = rng.nextInt(ties);
        for (int a = 0; a < q.length; a++) {
            if (q[a] == max && pick-- == 0) return a;
        }
        throw new AssertionError("unreachable");
    }
}
