package org.alignlab.games.population;

import org.alignlab.core.UsageException;

/**
 * Replicator dynamics for a symmetric game with payoff matrix A (A[i][j]: payoff of type i against type j), in a
 * large well-mixed population with shares x (Taylor and Jonker 1978; Hofbauer and Sigmund 1998):
 *
 * <pre>
 *   continuous:  dx_i/dt = x_i ((A x)_i − xᵀ A x)                 (fixed-step fourth-order Runge–Kutta)
 *   discrete:    x_i' = x_i (A x)_i / xᵀ A x                      (payoffs must be positive; Nowak and Sigmund 1993)
 * </pre>
 */
public final class Replicator {
    private final double[][] a;
    private final int n;

    public Replicator(double[][] payoffs) {
        n = payoffs.length;
        if (n == 0) throw new UsageException("the payoff matrix is empty");
        a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (payoffs[i].length != n) {
                throw new UsageException("the payoff matrix must be square: row " + i + " has " + payoffs[i].length
                        + " entries, expected " + n);
            }
            for (double v : payoffs[i]) {
                if (!Double.isFinite(v)) throw new UsageException("payoff matrix row " + i + " holds " + v);
            }
            a[i] = payoffs[i].clone();
        }
    }

    /** A copy of the payoff matrix. */
    double[][] fitnessMatrix() {
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) c[i] = a[i].clone();
        return c;
    }

    /** Checks x is a distribution over the n types. */
    public double[] check(double[] x) {
        if (x.length != n) throw new UsageException("shares have " + x.length + " entries, the game " + n + " types");
        double sum = 0;
        for (double v : x) {
            if (!(v >= 0 && v <= 1)) throw new UsageException("a share must lie in [0, 1] (got " + v + ")");
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-9) throw new UsageException("shares must sum to 1 (got " + sum + ")");
        return x.clone();
    }

    /** dx/dt at x. */
    public double[] derivative(double[] x) {
        double[] f = fitness(x);
        double mean = 0;
        for (int i = 0; i < n; i++) mean += x[i] * f[i];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = x[i] * (f[i] - mean);
        return d;
    }

    /** (A x)_i. */
    public double[] fitness(double[] x) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i][j] * x[j];
            f[i] = s;
        }
        return f;
    }

    /**
     * Integrates the continuous dynamics from x0 for {@code steps} steps of size dt; returns steps + 1 rows of shares
     * (row 0 = x0). Each step is renormalised onto the simplex against rounding drift.
     */
    public double[][] integrate(double[] x0, double dt, int steps) {
        if (!(dt > 0) || steps < 0) throw new UsageException("need dt > 0 and steps >= 0");
        double[][] out = new double[steps + 1][];
        double[] x = check(x0);
        out[0] = x.clone();
        for (int t = 1; t <= steps; t++) {
            double[] k1 = derivative(x);
            double[] k2 = derivative(axpy(x, k1, dt / 2));
            double[] k3 = derivative(axpy(x, k2, dt / 2));
            double[] k4 = derivative(axpy(x, k3, dt));
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = x[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            x = normalise(y);
            out[t] = x.clone();
        }
        return out;
    }

    /** One generation of the discrete dynamics (payoffs must be positive). */
    public double[] discreteStep(double[] x) {
        double[] f = fitness(x);
        double mean = 0;
        for (int i = 0; i < n; i++) mean += x[i] * f[i];
        if (!(mean > 0)) throw new UsageException("the discrete replicator needs positive payoffs");
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i] * f[i] / mean;
        return y;
    }

    private static double[] axpy(double[] x, double[] d, double h) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] + h * d[i];
        return y;
    }

    private static double[] normalise(double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) y[i] = 0;
            s += y[i];
        }
        for (int i = 0; i < y.length; i++) y[i] /= s;
        return y;
    }
}
