package org.alignlab.threats.overoptimisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KlRegularisedPolicyTest {

    private static double[] descending(double[] r) {
        double[] s = r.clone();
        Arrays.sort(s);
        return ProxyPool.reversed(s);
    }

    private static double[] randomRewards(SplittableRandom rng, int m) {
        double[] r = new double[m];
        Gaussian.fill(r, rng);
        for (int i = 0; i < m; i++) r[i] = r[i] * (0.5 + rng.nextDouble()) + (rng.nextDouble() < 0.1 ? 2 : 0);
        return descending(r);
    }

    /** The tilted policy written out directly: π_i ∝ exp(r_i / λ). */
    private static double[] tilt(double[] r, double lambda) {
        double max = r[0];
        double[] p = new double[r.length];
        double z = 0;
        for (int i = 0; i < r.length; i++) {
            p[i] = Math.exp((r[i] - max) / lambda);
            z += p[i];
        }
        for (int i = 0; i < r.length; i++) p[i] /= z;
        return p;
    }

    private static double kl(double[] p) {
        double s = 0;
        for (double x : p) if (x > 0) s += x * Math.log(x * p.length);
        return s;
    }

    @Test
    void exactPolicyGradientAscentConvergesToTheTilt() {
        // Softmax logits θ over M outputs, π_0 uniform; ascend J(θ) = E_π[r] − λ KL(π‖π_0) with its exact gradient
        // ∂J/∂θ_i = π_i (f_i − E_π f), f_i = r_i − λ log(M π_i). The fixed point is the closed form.
        SplittableRandom rng = new SplittableRandom(3);
        for (double lambda : new double[] {0.5, 1.0}) {
            // A few outputs with rewards in [-1, 1], so that every π_i stays above ~1% and plain gradient ascent
            // (whose rate for output i is proportional to π_i) converges in a few thousand steps.
            double[] r = new double[12];
            for (int i = 0; i < r.length; i++) r[i] = 2 * rng.nextDouble() - 1;
            r = descending(r);
            double[] theta = new double[r.length];
            double[] p = new double[r.length];
            for (int step = 0; step < 50_000; step++) {
                double max = Arrays.stream(theta).max().orElseThrow();
                double z = 0;
                for (int i = 0; i < r.length; i++) z += p[i] = Math.exp(theta[i] - max);
                for (int i = 0; i < r.length; i++) p[i] /= z;
                double mean = 0;
                double[] f = new double[r.length];
                for (int i = 0; i < r.length; i++) {
                    f[i] = r[i] - lambda * Math.log(r.length * p[i]);
                    mean += p[i] * f[i];
                }
                for (int i = 0; i < r.length; i++) theta[i] += 2 * p[i] * (f[i] - mean);
            }
            double[] closed = tilt(r, lambda);
            for (int i = 0; i < r.length; i++) assertEquals(closed[i], p[i], 1e-8, "lambda=" + lambda + " i=" + i);
            KlRegularisedPolicy policy = new KlRegularisedPolicy(r);
            assertEquals(kl(closed), policy.at(1 / lambda).kl(), 1e-12);
        }
    }

    @Test
    void theTiltBeatsOtherPoliciesOnThePenalisedObjective() {
        SplittableRandom rng = new SplittableRandom(8);
        double[] r = randomRewards(rng, 30);
        double lambda = 0.7;
        double[] best = tilt(r, lambda);
        double top = objective(r, best, lambda);
        for (int t = 0; t < 500; t++) {
            double[] q = best.clone();
            double z = 0;
            for (int i = 0; i < q.length; i++) z += q[i] *= Math.exp(0.3 * (rng.nextDouble() - 0.5));
            for (int i = 0; i < q.length; i++) q[i] /= z;
            assertTrue(objective(r, q, lambda) <= top + 1e-12);
        }
    }

    private static double objective(double[] r, double[] p, double lambda) {
        double e = 0;
        for (int i = 0; i < r.length; i++) e += p[i] * r[i];
        return e - lambda * kl(p);
    }

    @Test
    void solveHitsEveryReachableKlTarget() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int t = 0; t < 20; t++) {
            double[] r = randomRewards(rng, 200 + rng.nextInt(3000));
            KlRegularisedPolicy policy = new KlRegularisedPolicy(r);
            double previous = 0;
            for (double frac : new double[] {0.001, 0.05, 0.3, 0.6, 0.9, 0.99}) {
                double target = frac * policy.maxKl();
                double b = policy.solve(target, 0);
                assertEquals(target, policy.at(b).kl(), 1e-8 * Math.max(1, target));
                assertTrue(b > previous);
                previous = b;
                // A warm start from elsewhere lands on the same answer.
                assertEquals(b, policy.solve(target, 3 * b + 1), 1e-6 * b);
            }
        }
    }

    @Test
    void klDerivativeMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] r = randomRewards(rng, 500);
        KlRegularisedPolicy policy = new KlRegularisedPolicy(r);
        for (double b : new double[] {0.1, 0.7, 2, 5}) {
            double h = 1e-5 * b;
            double fd = (policy.at(b + h).kl() - policy.at(b - h).kl()) / (2 * h);
            assertEquals(fd, policy.at(b).klDerivative(), 1e-5 * Math.max(1, Math.abs(fd)));
        }
        assertEquals(0, policy.at(0).kl(), 0);
    }

    @Test
    void expectationsUseTheTiltedWeights() {
        SplittableRandom rng = new SplittableRandom(9);
        double[] r = randomRewards(rng, 300);
        double[] g = new double[r.length];
        Gaussian.fill(g, rng);
        double[] p = tilt(r, 0.4);
        double expected = 0;
        for (int i = 0; i < r.length; i++) expected += p[i] * g[i];
        KlRegularisedPolicy policy = new KlRegularisedPolicy(r);
        assertEquals(expected, policy.expectations(1 / 0.4, g)[0], 1e-12);
        assertEquals(policy.at(2.5).meanReward(), policy.expectations(2.5, r)[0], 1e-12);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KlRegularisedPolicy(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new KlRegularisedPolicy(new double[] {1}));
        KlRegularisedPolicy flat = new KlRegularisedPolicy(new double[] {1, 1, 1});
        assertThrows(IllegalArgumentException.class, () -> flat.solve(0.5, 0));
        KlRegularisedPolicy p = new KlRegularisedPolicy(new double[] {2, 1, 0});
        assertThrows(IllegalArgumentException.class, () -> p.solve(Math.log(3), 0));
        assertThrows(IllegalArgumentException.class, () -> p.solve(0, 0));
    }
}
