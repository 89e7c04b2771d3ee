package org.alignlab.decision.mdp;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;

/**
 * A stationary policy over the states of a finite MDP: deterministic (one action per state) or stochastic (a
 * distribution over actions per state). The arrays are held, not copied, for speed on large MDPs: do not modify them
 * after construction.
 */
public sealed interface Policy permits Policy.Deterministic, Policy.Stochastic {
    /** How far a state's action probabilities may be from summing to one. */
    double PROBABILITY_TOLERANCE = 1e-9;

    int states();

    /** π(a | s). */
    double probability(int s, int a);

    /**
     * An action drawn from π(· | s). A deterministic policy draws nothing from {@code rng}; a stochastic one draws one
     * double, so the same stream gives the same actions.
     */
    int sample(int s, SplittableRandom rng);

    /** π(s) for every state. */
    record Deterministic(int[] actions) implements Policy {
        public Deterministic {
            for (int s = 0; s < actions.length; s++) {
                if (actions[s] < 0) throw new UsageException("action of state " + s + " is negative: " + actions[s]);
            }
        }

        @Override
        public int states() {
            return actions.length;
        }

        /** π(s). */
        public int action(int s) {
            return actions[s];
        }

        @Override
        public double probability(int s, int a) {
            return actions[s] == a ? 1 : 0;
        }

        @Override
        public int sample(int s, SplittableRandom rng) {
            return actions[s];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Deterministic d && Arrays.equals(actions, d.actions);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(actions);
        }

        @Override
        public String toString() {
            return "Deterministic" + Arrays.toString(actions);
        }
    }

    /** π(a | s) = {@code probabilities[s][a]}; every row has one entry per action and sums to 1 within 1e-9. */
    record Stochastic(double[][] probabilities) implements Policy {
        public Stochastic {
            int width = probabilities.length == 0 ? 0 : probabilities[0].length;
            for (int s = 0; s < probabilities.length; s++) {
                double[] row = probabilities[s];
                if (row.length != width || width == 0) {
                    throw new UsageException("policy row of state " + s + " has " + row.length
                            + " actions; every state needs the same number (" + width + "), at least one");
                }
                double sum = 0;
                for (int a = 0; a < width; a++) {
                    if (!(row[a] >= 0 && row[a] <= 1 + PROBABILITY_TOLERANCE)) {
                        throw new UsageException("policy probability of state " + s + ", action " + a + " is "
                                + row[a] + ", not in [0, 1]");
                    }
                    sum += row[a];
                }
                if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
                    throw new UsageException(String.format(Locale.ROOT,
                            "policy probabilities of state %d sum to %.12g, not 1", s, sum));
                }
            }
        }

        @Override
        public int states() {
            return probabilities.length;
        }

        /** Number of actions per state. */
        public int actions() {
            return probabilities.length == 0 ? 0 : probabilities[0].length;
        }

        @Override
        public double probability(int s, int a) {
            return probabilities[s][a];
        }

        // Inverse CDF; rounding can leave u above the last partial sum, in which case the last action with positive
        // probability is taken.
        @Override
        public int sample(int s, SplittableRandom rng) {
            double[] row = probabilities[s];
            double u = rng.nextDouble();
            double c = 0;
            int last = 0;
            for (int a = 0; a < row.length; a++) {
                if (row[a] <= 0) continue;
                c += row[a];
                last = a;
                if (u < c) return a;
            }
            return last;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stochastic st && Arrays.deepEquals(probabilities, st.probabilities);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(probabilities);
        }

        @Override
        public String toString() {
            return "Stochastic" + Arrays.deepToString(probabilities);
        }
    }
}
