package org.alignlab.threats.overoptimisation;

import java.util.SplittableRandom;

/**
 * Standard normal draws by Marsaglia's polar method (Box–Muller without trigonometry), so that the numbers depend only
 * on the stream and this code, not on a JDK's choice of algorithm for {@code nextGaussian}.
 */
final class Gaussian {
    private Gaussian() {}

    /** Fills {@code out} with independent N(0, 1) draws, two per accepted point of the unit disc. */
    static void fill(double[] out, SplittableRandom rng) {
        int i = 0;
        while (i < out.length) {
            double u;
            double v;
            double s;
            do {
                u = 2 * rng.nextDouble() - 1;
                v = 2 * rng.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double m = Math.sqrt(-2 * Math.log(s) / s);
            out[i++] = u * m;
            if (i < out.length) out[i++] = v * m;
        }
    }
}
