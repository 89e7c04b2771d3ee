package org.alignlab.decision.env;

import java.util.SplittableRandom;

/** A set of observations or actions, as in Gymnasium's spaces. */
public interface Space<T> {
    boolean contains(T x);

    /** A uniformly random member (for spaces where that is defined). */
    T sample(SplittableRandom rng);

    /** The discrete space {0, ..., n−1}. */
    record Discrete(int n) implements Space<Integer> {
        public Discrete {
            if (n < 1) throw new IllegalArgumentException("a discrete space needs n >= 1");
        }

        @Override
        public boolean contains(Integer x) {
            return x != null && x >= 0 && x < n;
        }

        @Override
        public Integer sample(SplittableRandom rng) {
            return rng.nextInt(n);
        }
    }
}
