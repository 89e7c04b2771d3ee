package org.alignlab.decision.mdp;

import java.util.SplittableRandom;

/** Seeded random MDPs for the property tests. */
final class RandomMdps {
    static final double[] DISCOUNTS = {0.0, 0.5, 0.9, 0.99};

    private RandomMdps() {}

    /** A small Garnet MDP of random size, branching and discount (no terminal states). */
    static Mdp garnet(SplittableRandom rng) {
        int states = 2 + rng.nextInt(29);
        int actions = 1 + rng.nextInt(4);
        int branching = 1 + rng.nextInt(Math.min(states, 4));
        double gamma = DISCOUNTS[rng.nextInt(DISCOUNTS.length)];
        return Garnet.generate(states, actions, branching, gamma, rng);
    }

    /**
     * A random MDP built through {@link MdpBuilder}, with state rewards, transition rewards in [−1, 1] and one or two
     * terminal states that every row reaches with probability at least 0.1, so every policy terminates and γ = 1 is
     * allowed.
     */
    static Mdp episodic(SplittableRandom rng, double gamma) {
        int states = 3 + rng.nextInt(18);
        int actions = 1 + rng.nextInt(4);
        int terminals = 1 + rng.nextInt(2);
        MdpBuilder b = Mdp.builder(states, actions).discount(gamma);
        for (int s = states - terminals; s < states; s++) b.terminal(s);
        for (int s = 0; s < states - terminals; s++) {
            b.stateReward(s, rng.nextDouble(-1, 1));
            for (int a = 0; a < actions; a++) {
                int successors = 1 + rng.nextInt(3);
                double stop = 0.1 + 0.4 * rng.nextDouble();
                b.transition(s, a, states - 1 - rng.nextInt(terminals), stop, rng.nextDouble(-1, 1));
                double[] w = new double[successors];
                double sum = 0;
                for (int i = 0; i < successors; i++) sum += w[i] = rng.nextDouble() + 1e-3;
                double left = 1 - stop;
                for (int i = 0; i < successors; i++) {
                    double p = i == successors - 1 ? left : (1 - stop) * w[i] / sum;
                    left -= p;
                    b.transition(s, a, rng.nextInt(states), p, rng.nextDouble(-1, 1));
                }
            }
        }
        return b.build();
    }

    /** A random stochastic policy (some zero probabilities). */
    static Policy.Stochastic stochasticPolicy(SplittableRandom rng, int states, int actions) {
        double[][] p = new double[states][actions];
        for (double[] row : p) {
            double sum = 0;
            for (int a = 0; a < actions; a++) sum += row[a] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
            if (sum == 0) {
                row[rng.nextInt(actions)] = 1;
                continue;
            }
            for (int a = 0; a < actions; a++) row[a] /= sum;
        }
        return new Policy.Stochastic(p);
    }

    static Policy.Deterministic deterministicPolicy(SplittableRandom rng, int states, int actions) {
        int[] a = new int[states];
        for (int s = 0; s < states; s++) a[s] = rng.nextInt(actions);
        return new Policy.Deterministic(a);
    }

    static double supDistance(double[] x, double[] y) {
        double d = 0;
        for (int i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
        return d;
    }

    static double supNorm(double[] x) {
        double d = 0;
        for (double v : x) d = Math.max(d, Math.abs(v));
        return d;
    }
}
