package org.alignlab.decision.mdp;

import java.util.Arrays;
import org.alignlab.core.UsageException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The γ → 1 limit of a finite, possibly multichain MDP, solved exactly: the optimal gain g*(s) = lim_{γ→1} (1 − γ)
 * V*_γ(s), the bias h*(s) of a bias-optimal policy, and for every state the actions that are optimal for every γ
 * close enough to 1 (Blackwell 1962).
 *
 * <p><b>Method.</b> Policy iteration over the Laurent expansion of the discounted value (Puterman 1994, Thm 8.2.3):
 * with interest rate ρ = (1 − γ)/γ, V^π_γ = (1 + ρ) Σ_{k≥−1} ρ^k y_k, where y_{−1} = P* r is the gain, y_0 = H r the
 * bias and y_k = (−1)^k H^{k+1} r, with P* the limiting (Cesàro) matrix of P_π and H = (I − P_π + P*)^{−1}(I − P*) its
 * deviation matrix (Puterman 1994, Appendix A). Every policy is evaluated exactly with EJML: P* from the closed
 * classes of P_π (a stationary distribution per class, absorption probabilities for the transient states), then Z =
 * (I − P_π + P*)^{−1}. The advantage of action a in s then expands as r(s,a) + γ P_a V − V = Σ_k ρ^k ψ_k(s, a) with
 *
 * <pre>
 *   ψ_{−1} = P_a y_{−1} − y_{−1}(s)                      (gain: the first multichain optimality equation)
 *   ψ_0    = r(s, a) + P_a y_0 − y_0(s) − y_{−1}(s)      (bias: the second)
 *   ψ_k    = P_a y_k − y_k(s) − y_{k−1}(s),  k ≥ 1        (Veinott's n-discount equations)
 * </pre>
 *
 * and the improvement step switches a state to an action whose (ψ_{−1}, ψ_0, ..., ψ_{n+1}) is lexicographically
 * positive, keeping the current action on ties. With n = −1 this is the multichain policy iteration of Puterman 1994,
 * Sec. 9.2 (improve the gain first, then the bias among gain-maximising actions), which ends in a gain-optimal policy;
 * with n ≥ 0 it is Veinott's (1969) n-discount policy iteration (Puterman 1994, Sec. 10.3), ending in an n-discount
 * optimal policy. With n = |S| − 1 the comparison is exact: r(s,a) + γ P_a V − V is a ratio of polynomials in γ whose
 * numerator has degree at most |S|, so if its Laurent coefficients ψ_{−1}..ψ_{|S|−1} all vanish it is identically zero;
 * the policy found is then Blackwell optimal and the reported action sets are the actions optimal for all γ in some
 * interval (γ₀, 1). That is the default, {@link Options#blackwell()}. Higher levels are computed only where all lower
 * ones tie, so a typical solve stops at ψ_1.
 *
 * <p><b>Terminal states</b> count as absorbing with reward 0 (every action loops). <b>Numerics:</b> level k is compared
 * on z_k = c^k y_k with c = 1/max(1, ‖Z‖∞), which keeps ‖z_k‖ ≤ ‖z_0‖ (positive rescaling of a level does not change
 * a lexicographic sign); two actions tie at a level when their ψ differ by at most {@code tolerance} · max(‖r‖∞,
 * ‖g‖∞, ‖z_0‖∞). Dense: at most {@link PolicyEvaluation#DENSE_LIMIT} states; each evaluation costs O(|S|³).
 */
public final class AverageReward {
    /** Two actions' Laurent terms within this fraction of the problem's scale count as equal. */
    public static final double TIE_TOLERANCE = 1e-9;

    /** An order so high that it means "every level needed": Blackwell optimality. */
    public static final int BLACKWELL = Integer.MAX_VALUE;

    private AverageReward() {}

    /**
     * @param order         n: −1 compares gains only (average-optimal), 0 adds the bias (bias-optimal), n ≥ |S| − 1
     *                      (e.g. {@link #BLACKWELL}) compares every term that matters (Blackwell-optimal)
     * @param tolerance     relative tie tolerance of a level (see the class comment)
     * @param maxIterations the most policy evaluations
     */
    public record Options(int order, double tolerance, int maxIterations) {
        public Options {
            if (order < -1) throw new UsageException("the order n must be at least −1 (got " + order + ")");
            if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
                throw new UsageException("the tie tolerance must be positive and finite (got " + tolerance + ")");
            }
            if (maxIterations < 1) throw new UsageException("maxIterations must be >= 1 (got " + maxIterations + ")");
        }

        /** Blackwell optimality (every Laurent term that can differ), tolerance 1e-9, at most 10,000 evaluations. */
        public static Options blackwell() {
            return new Options(BLACKWELL, TIE_TOLERANCE, 10_000);
        }

        /** The same with another order n (−1 gain, 0 bias, ...). */
        public Options withOrder(int n) {
            return new Options(n, tolerance, maxIterations);
        }
    }

    /**
     * The solution. Arrays are held, not copied: do not modify them.
     *
     * @param gain       g*(s), the optimal average reward from s
     * @param bias       the bias y_0(s) of {@code policy} (for order ≥ 0 the optimal bias h*(s))
     * @param policy     an optimal stationary policy of the requested order
     * @param optimal    optimal[s][a]: a's Laurent terms ψ_{−1}..ψ_n tie with the policy's (all true in terminal states)
     * @param levels     the highest Laurent level the optimal sets compare (min(n, |S| − 1))
     * @param iterations policy evaluations
     */
    public record Result(double[] gain, double[] bias, Policy.Deterministic policy, boolean[][] optimal, int levels,
                         int iterations) {
        public double gain(int s) {
            return gain[s];
        }

        public double bias(int s) {
            return bias[s];
        }

        public boolean isOptimal(int s, int a) {
            return optimal[s][a];
        }

        /** The optimal actions of s, ascending. */
        public int[] optimalActions(int s) {
            boolean[] row = optimal[s];
            int k = 0;
            for (boolean b : row) if (b) k++;
            int[] out = new int[k];
            for (int a = 0, i = 0; a < row.length; a++) if (row[a]) out[i++] = a;
            return out;
        }
    }

    /** Blackwell-optimal gain, bias and action sets ({@link Options#blackwell()}). */
    public static Result solve(Mdp mdp) {
        return solve(mdp, Options.blackwell());
    }

    public static Result solve(Mdp mdp, Options options) {
        if (mdp == null || options == null) throw new UsageException("mdp and options must be given");
        int n = mdp.states();
        if (n > PolicyEvaluation.DENSE_LIMIT) {
            throw new UsageException("the γ → 1 limit solves dense systems and takes at most "
                    + PolicyEvaluation.DENSE_LIMIT + " states (got " + n + ")");
        }
        int actions = mdp.actions();
        int order = Math.min(options.order(), n - 1); // levels −1..|S|−1 decide exactly (class comment)
        int improveTop = options.order() >= n - 1 ? n - 1 : options.order() + 1;
        int setTop = Math.max(order, -1);
        // Start from the policy greedy in the immediate reward (lowest index on ties).
        int[] pol = new int[n];
        for (int s = 0; s < n; s++) {
            if (mdp.terminal(s)) continue;
            int best = 0;
            for (int a = 1; a < actions; a++) if (mdp.expectedReward(s, a) > mdp.expectedReward(s, best)) best = a;
            pol[s] = best;
        }
        for (int it = 1; it <= options.maxIterations(); it++) {
            Evaluation ev = new Evaluation(mdp, pol, options.tolerance());
            boolean changed = false;
            for (int s = 0; s < n; s++) {
                if (mdp.terminal(s)) continue;
                int best = pol[s];
                for (int a = 0; a < actions; a++) {
                    if (a != best && ev.compare(s, a, best, improveTop) > 0) best = a;
                }
                if (best != pol[s]) {
                    pol[s] = best;
                    changed = true;
                }
            }
            if (!changed) {
                boolean[][] opt = new boolean[n][actions];
                for (int s = 0; s < n; s++) {
                    for (int a = 0; a < actions; a++) {
                        opt[s][a] = mdp.terminal(s) || a == pol[s] || ev.compare(s, a, pol[s], setTop) == 0;
                    }
                }
                return new Result(ev.gain, ev.level(0), new Policy.Deterministic(pol), opt, setTop, it);
            }
        }
        throw new UsageException("average-reward policy iteration did not settle in " + options.maxIterations()
                + " evaluations");
    }

    /** The Laurent coefficients of one deterministic policy, the higher levels computed on demand. */
    private static final class Evaluation {
        private final Mdp mdp;
        private final int n;
        final double[] gain;
        private final DMatrixRMaj z;   // Z = (I − P + P*)^{−1}
        private final double c;        // level scale 1/max(1, ‖Z‖∞)
        private final double[][] levels; // z_k = c^k y_k for k = 0.., filled on demand
        private final double tol;

        Evaluation(Mdp mdp, int[] pol, double tolerance) {
            this.mdp = mdp;
            this.n = mdp.states();
            DMatrixRMaj p = transitions(mdp, pol);
            DMatrixRMaj pStar = limitingMatrix(p, n);
            double[] r = new double[n];
            for (int s = 0; s < n; s++) r[s] = mdp.expectedReward(s, pol[s]);
            gain = multiply(pStar, r);
            // Z = (I − P + P*)^{−1} (Puterman 1994, Thm A.7: nonsingular for every stochastic P).
            DMatrixRMaj m = new DMatrixRMaj(n, n);
            for (int i = 0; i < n * n; i++) m.data[i] = pStar.data[i] - p.data[i];
            for (int i = 0; i < n; i++) m.data[i * n + i] += 1;
            z = new DMatrixRMaj(n, n);
            if (!CommonOps_DDRM.invert(m, z) || !finite(z.data)) {
                throw new IllegalStateException("I − P + P* is singular; the limiting matrix is wrong");
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int j = 0; j < n; j++) row += Math.abs(z.data[i * n + j]);
                norm = Math.max(norm, row);
            }
            c = 1 / Math.max(1, norm);
            levels = new double[n + 1][];
            double[] rg = new double[n];
            for (int s = 0; s < n; s++) rg[s] = r[s] - gain[s];
            levels[0] = multiply(z, rg); // y_0 = H r = Z (I − P*) r = Z (r − g)
            double scale = Math.max(supNorm(gain), supNorm(levels[0]));
            for (double x : mdp.expectedRewardArray()) scale = Math.max(scale, Math.abs(x));
            tol = tolerance * scale;
        }

        /** z_k for k ≥ 0; z_{k+1} = −c Z z_k, since y_{k+1} = −H y_k = −Z y_k when P* y_k = 0. */
        double[] level(int k) {
            for (int j = 1; j <= k; j++) {
                if (levels[j] != null) continue;
                double[] x = multiply(z, levels[j - 1]);
                for (int i = 0; i < n; i++) x[i] *= -c;
                levels[j] = x;
            }
            return levels[k];
        }

        /** The sign of ψ(s, a) − ψ(s, b), lexicographically over levels −1..top, with the tie tolerance. */
        int compare(int s, int a, int b, int top) {
            for (int k = -1; k <= top; k++) {
                double[] v = k < 0 ? gain : level(k);
                double d = expect(s, a, v) - expect(s, b, v);
                if (k == 0) d += mdp.expectedReward(s, a) - mdp.expectedReward(s, b);
                if (d > tol) return 1;
                if (d < -tol) return -1;
            }
            return 0;
        }

        // Σ_s' P(s'|s,a) v(s'); a terminal state loops on itself.
        private double expect(int s, int a, double[] v) {
            if (mdp.terminal(s)) return v[s];
            double x = 0;
            for (int k = mdp.rowStart(s, a), e = mdp.rowEnd(s, a); k < e; k++) x += mdp.prob(k) * v[mdp.next(k)];
            return x;
        }
    }

    /** P_π as a dense matrix; a terminal state's row is its self-loop. */
    static DMatrixRMaj transitions(Mdp mdp, int[] pol) {
        int n = mdp.states();
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        for (int s = 0; s < n; s++) {
            if (mdp.terminal(s)) {
                p.data[s * n + s] = 1;
                continue;
            }
            for (int k = mdp.rowStart(s, pol[s]), e = mdp.rowEnd(s, pol[s]); k < e; k++) {
                p.data[s * n + mdp.next(k)] += mdp.prob(k);
            }
        }
        return p;
    }

    /**
     * The limiting matrix P* = lim (1/N) Σ_{t<N} P^t of a stochastic matrix (Puterman 1994, Appendix A.4): a state of
     * a closed class C has the row π_C (C's stationary distribution); a transient state t has Σ_C f_C(t) π_C, with
     * f_C(t) the probability of being absorbed in C, f = (I − P_TT)^{−1} P_TC 1.
     */
    static DMatrixRMaj limitingMatrix(DMatrixRMaj p, int n) {
        int[] cls = closedClasses(p, n);
        int classes = 0;
        for (int x : cls) classes = Math.max(classes, x + 1);
        DMatrixRMaj star = new DMatrixRMaj(n, n);
        double[][] pi = new double[classes][];
        for (int k = 0; k < classes; k++) {
            int[] members = members(cls, k);
            int m = members.length;
            // π (I − P_CC) = 0 with Σ π = 1: the transposed system, its last equation replaced by the normalisation.
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a.data[j * m + i] = (i == j ? 1 : 0) - p.data[members[i] * n + members[j]];
                }
            }
            for (int i = 0; i < m; i++) a.data[(m - 1) * m + i] = 1;
            double[] rhs = new double[m];
            rhs[m - 1] = 1;
            double[] x = solve(a, rhs, m);
            pi[k] = x;
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) star.data[members[i] * n + members[j]] = x[j];
        }
        int[] transients = members(cls, -1);
        int t = transients.length;
        if (t > 0) {
            DMatrixRMaj a = new DMatrixRMaj(t, t);
            DMatrixRMaj b = new DMatrixRMaj(t, classes);
            for (int i = 0; i < t; i++) {
                int s = transients[i];
                for (int j = 0; j < t; j++) a.data[i * t + j] = (i == j ? 1 : 0) - p.data[s * n + transients[j]];
                for (int u = 0; u < n; u++) if (cls[u] >= 0) b.data[i * classes + cls[u]] += p.data[s * n + u];
            }
            DMatrixRMaj f = new DMatrixRMaj(t, classes);
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(t);
            if (!lu.setA(a)) throw new IllegalStateException("I − P_TT is singular: a transient state is not transient");
            lu.solve(b, f);
            int[] within = new int[n]; // u's index among its class's members
            int[] seen = new int[classes];
            for (int u = 0; u < n; u++) if (cls[u] >= 0) within[u] = seen[cls[u]]++;
            for (int i = 0; i < t; i++) {
                for (int u = 0; u < n; u++) {
                    if (cls[u] < 0) continue;
                    star.data[transients[i] * n + u] = f.data[i * classes + cls[u]] * pi[cls[u]][within[u]];
                }
            }
        }
        if (!finite(star.data)) throw new IllegalStateException("the limiting matrix is not finite");
        return star;
    }

    /**
     * cls[s] = the index of s's closed (recurrent) class, or −1 when s is transient. A state is recurrent when every
     * state it reaches reaches it back; its class is then the set it reaches.
     */
    static int[] closedClasses(DMatrixRMaj p, int n) {
        boolean[][] reach = new boolean[n][];
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            boolean[] seen = new boolean[n];
            int head = 0;
            int tail = 0;
            seen[s] = true;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int v = 0; v < n; v++) {
                    if (!seen[v] && p.data[u * n + v] > 0) {
                        seen[v] = true;
                        queue[tail++] = v;
                    }
                }
            }
            reach[s] = seen;
        }
        int[] cls = new int[n];
        Arrays.fill(cls, -2);
        int classes = 0;
        for (int s = 0; s < n; s++) {
            if (cls[s] != -2) continue;
            boolean recurrent = true;
            for (int v = 0; v < n && recurrent; v++) if (reach[s][v] && !reach[v][s]) recurrent = false;
            if (!recurrent) {
                cls[s] = -1;
                continue;
            }
            for (int v = 0; v < n; v++) if (reach[s][v]) cls[v] = classes;
            classes++;
        }
        return cls;
    }

    private static int[] members(int[] cls, int k) {
        int count = 0;
        for (int x : cls) if (x == k) count++;
        int[] out = new int[count];
        for (int s = 0, i = 0; s < cls.length; s++) if (cls[s] == k) out[i++] = s;
        return out;
    }

    private static double[] solve(DMatrixRMaj a, double[] rhs, int m) {
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(m);
        if (!lu.setA(a)) throw new IllegalStateException("the stationary-distribution system is singular");
        DMatrixRMaj x = new DMatrixRMaj(m, 1);
        lu.solve(DMatrixRMaj.wrap(m, 1, rhs), x);
        if (!finite(x.data)) throw new IllegalStateException("the stationary-distribution system is singular");
        return x.data;
    }

    private static double[] multiply(DMatrixRMaj m, double[] v) {
        int n = v.length;
        double[] out = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            double x = 0;
            for (int j = 0; j < n; j++) x += m.data[i * n + j] * v[j];
            out[i] = x;
        }
        return out;
    }

    private static double supNorm(double[] x) {
        double d = 0;
        for (double v : x) d = Math.max(d, Math.abs(v));
        return d;
    }

    private static boolean finite(double[] x) {
        for (double v : x) if (!Double.isFinite(v)) return false;
        return true;
    }
}
