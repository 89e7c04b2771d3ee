package org.alignlab.games.normal;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.core.UsageException;

/**
 * A two-player finite game: the row player's payoffs {@code A} and the column player's payoffs {@code B}, both
 * {@code m × n}. Mixed strategies are probability vectors {@code x} (length m) and {@code y} (length n); the
 * expected payoffs are {@code xᵀAy} and {@code xᵀBy}.
 */
public final class BimatrixGame {
    private final String name;
    private final double[][] a;
    private final double[][] b;

    private BimatrixGame(String name, double[][] a, double[][] b) {
        this.name = name;
        this.a = a;
        this.b = b;
    }

    /** A game from the two payoff matrices; both must be non-empty, rectangular, finite and of the same shape. */
    public static BimatrixGame of(String name, double[][] rowPayoffs, double[][] columnPayoffs) {
        double[][] a = checked(name, "row player's", rowPayoffs);
        double[][] b = checked(name, "column player's", columnPayoffs);
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new UsageException("game " + name + ": the row player's table is " + a.length + "×" + a[0].length
                    + " but the column player's is " + b.length + "×" + b[0].length + "; they must have the same shape");
        }
        return new BimatrixGame(name, a, b);
    }

    /** A symmetric game: the column player's payoffs are the transpose of the row player's. */
    public static BimatrixGame symmetric(String name, double[][] rowPayoffs) {
        double[][] a = checked(name, "row player's", rowPayoffs);
        if (a.length != a[0].length) {
            throw new UsageException("game " + name + ": a symmetric game needs a square table, got " + a.length + "×" + a[0].length);
        }
        double[][] b = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) b[i][j] = a[j][i];
        return new BimatrixGame(name, a, b);
    }

    /** A zero-sum game: the column player receives {@code -A}. */
    public static BimatrixGame zeroSum(String name, double[][] rowPayoffs) {
        double[][] a = checked(name, "row player's", rowPayoffs);
        double[][] b = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) b[i][j] = -a[i][j];
        return new BimatrixGame(name, a, b);
    }

    private static double[][] checked(String name, String who, double[][] t) {
        if (t == null || t.length == 0 || t[0] == null || t[0].length == 0) {
            throw new UsageException("game " + name + ": the " + who + " payoff table is empty");
        }
        double[][] c = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            if (t[i] == null || t[i].length != t[0].length) {
                throw new UsageException("game " + name + ": the " + who + " payoff table is ragged: row " + i + " has "
                        + (t[i] == null ? 0 : t[i].length) + " entries, row 0 has " + t[0].length);
            }
            for (double v : t[i]) {
                if (!Double.isFinite(v)) throw new UsageException("game " + name + ": the " + who + " payoff table has a non-finite entry " + v);
            }
            c[i] = t[i].clone();
        }
        return c;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return a.length;
    }

    public int columns() {
        return a[0].length;
    }

    public double rowPayoff(int i, int j) {
        return a[i][j];
    }

    public double columnPayoff(int i, int j) {
        return b[i][j];
    }

    /** Copies of the payoff matrices. */
    public double[][] rowMatrix() {
        return copy(a);
    }

    public double[][] columnMatrix() {
        return copy(b);
    }

    private static double[][] copy(double[][] t) {
        double[][] c = new double[t.length][];
        for (int i = 0; i < t.length; i++) c[i] = t[i].clone();
        return c;
    }

    /** {@code xᵀAy}. */
    public double rowPayoff(double[] x, double[] y) {
        return bilinear(a, x, y);
    }

    /** {@code xᵀBy}. */
    public double columnPayoff(double[] x, double[] y) {
        return bilinear(b, x, y);
    }

    private double bilinear(double[][] m, double[] x, double[] y) {
        checkMixed(x, rows(), "row");
        checkMixed(y, columns(), "column");
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            if (x[i] == 0) continue;
            double r = 0;
            for (int j = 0; j < y.length; j++) r += m[i][j] * y[j];
            s += x[i] * r;
        }
        return s;
    }

    private void checkMixed(double[] p, int n, String who) {
        if (p == null || p.length != n) {
            throw new UsageException("game " + name + ": the " + who + " player's mixed strategy needs " + n + " probabilities, got "
                    + (p == null ? 0 : p.length));
        }
    }

    /** The row player's payoff of each pure action against {@code y}: {@code Ay}. */
    public double[] rowActionValues(double[] y) {
        checkMixed(y, columns(), "column");
        double[] v = new double[rows()];
        for (int i = 0; i < rows(); i++) for (int j = 0; j < columns(); j++) v[i] += a[i][j] * y[j];
        return v;
    }

    /** The column player's payoff of each pure action against {@code x}: {@code xᵀB}. */
    public double[] columnActionValues(double[] x) {
        checkMixed(x, rows(), "row");
        double[] v = new double[columns()];
        for (int i = 0; i < rows(); i++) for (int j = 0; j < columns(); j++) v[j] += x[i] * b[i][j];
        return v;
    }

    /** The row player's pure best responses to {@code y} (within {@code tol} of the best), ascending. */
    public int[] rowBestResponses(double[] y, double tol) {
        return argmax(rowActionValues(y), tol);
    }

    /** The column player's pure best responses to {@code x} (within {@code tol} of the best), ascending. */
    public int[] columnBestResponses(double[] x, double tol) {
        return argmax(columnActionValues(x), tol);
    }

    private static int[] argmax(double[] v, double tol) {
        double best = Double.NEGATIVE_INFINITY;
        for (double d : v) best = Math.max(best, d);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) if (v[i] >= best - tol) out.add(i);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether {@code (x, y)} is a Nash equilibrium up to {@code tol}: neither player has a pure deviation that gains
     * more than {@code tol} (Nash 1951; pure deviations suffice because payoffs are linear in one's own mix).
     */
    public boolean isNash(double[] x, double[] y, double tol) {
        return regret(x, y) <= tol;
    }

    /** The larger of the two players' gains from their best pure deviation; 0 at an exact equilibrium. */
    public double regret(double[] x, double[] y) {
        double u = rowPayoff(x, y);
        double v = columnPayoff(x, y);
        double gain = 0;
        for (double d : rowActionValues(y)) gain = Math.max(gain, d - u);
        for (double d : columnActionValues(x)) gain = Math.max(gain, d - v);
        return gain;
    }

    /** The same game as an n-player table (two players). */
    public NormalFormGame toNormalForm() {
        int m = rows();
        int n = columns();
        double[][] t = new double[m * n][];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) t[i * n + j] = new double[] {a[i][j], b[i][j]};
        return NormalFormGame.of(name, new int[] {m, n}, t);
    }

    /** The pure Nash equilibria as (row, column) pairs, in row-major order. */
    public List<int[]> pureNash() {
        return toNormalForm().pureNash();
    }

    /** Both players' payoffs summed. */
    public double welfare(double[] x, double[] y) {
        return rowPayoff(x, y) + columnPayoff(x, y);
    }

    /**
     * Price of anarchy over all equilibria found by support enumeration, mixed included: the optimal (pure) welfare
     * divided by the worst equilibrium welfare, which must be positive.
     */
    public double priceOfAnarchy() {
        return priceRatio(true);
    }

    /** Price of stability over the support-enumeration equilibria: optimal welfare / best equilibrium welfare. */
    public double priceOfStability() {
        return priceRatio(false);
    }

    private double priceRatio(boolean worst) {
        double opt = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns(); j++) {
                opt = Math.max(opt, a[i][j] + b[i][j]);
            }
        }
        List<MixedEquilibrium> eq = SupportEnumeration.equilibria(this);
        if (eq.isEmpty()) throw new UsageException("game " + name + ": support enumeration found no equilibrium (the game is degenerate)");
        double pick = worst ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (MixedEquilibrium e : eq) pick = worst ? Math.min(pick, e.welfare()) : Math.max(pick, e.welfare());
        if (!(pick > 0)) throw new UsageException("game " + name + ": price of anarchy needs positive equilibrium welfare, got " + pick + "; shift the payoffs");
        return opt / pick;
    }
}
