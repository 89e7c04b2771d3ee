package org.alignlab.decision.mdp;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.alignlab.core.UsageException;

/**
 * Value iteration with synchronous (Jacobi) sweeps V_{k+1} = T* V_k from V_0 = 0 (Bellman 1957; Puterman 1994,
 * Sec. 6.3).
 *
 * <p>Stopping rule: stop after the first sweep whose sup-norm change δ = ‖V_{k+1} − V_k‖∞ satisfies
 * γδ/(1 − γ) &lt; ε. Since T* is a γ-contraction, ‖V_{k+1} − V*‖∞ ≤ γδ/(1 − γ) &lt; ε (Puterman 1994, Thm 6.3.1 and
 * Prop. 6.6.5; Williams &amp; Baird 1993 bound the greedy policy's loss by 2γδ/(1 − γ)). With γ = 1 no contraction bound
 * holds; value iteration then stops when δ &lt; ε, which is meaningful only for problems where every policy terminates,
 * and the reported bound is NaN. The bound is exact arithmetic's; floating-point rounding adds about
 * ulp(‖V‖)/(1 − γ) to it, so ε should stay well above that (the default 1e-8 does for |V| up to 1e5 at γ = 0.99). Either way a run that has not met its rule after {@code maxIterations} sweeps ends
 * with a {@link UsageException}, never with an unconverged answer.
 *
 * <p>A sweep updates every state from the previous values only, so states can be updated in any order or in parallel
 * with bit-identical results; {@link #sweepParallel} does that over blocks of states.
 */
public final class ValueIteration {
    /** MDPs with at least this many transitions are swept in parallel by {@link #solve}. */
    public static final int PARALLEL_THRESHOLD = 1 << 16;

    private ValueIteration() {}

    /**
     * @param epsilon       ε &gt; 0: the bound on ‖V − V*‖∞ to reach (for γ = 1: the change δ to go below)
     * @param maxIterations the most sweeps before giving up with a {@link UsageException}
     */
    public record Options(double epsilon, int maxIterations) {
        public Options {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new UsageException("epsilon must be positive and finite (got " + epsilon + ")");
            }
            if (maxIterations < 1) throw new UsageException("maxIterations must be >= 1 (got " + maxIterations + ")");
        }

        /** ε = 1e-8, at most 1,000,000 sweeps. */
        public static Options defaults() {
            return new Options(1e-8, 1_000_000);
        }

        public Options withEpsilon(double e) {
            return new Options(e, maxIterations);
        }

        public Options withMaxIterations(int n) {
            return new Options(epsilon, n);
        }
    }

    public static Solution solve(Mdp mdp) {
        return solve(mdp, Options.defaults());
    }

    public static Solution solve(Mdp mdp, Options options) {
        int n = mdp.states();
        double gamma = mdp.discount();
        boolean parallel = mdp.transitionCount() >= PARALLEL_THRESHOLD;
        double[] v = new double[n];
        double[] out = new double[n];
        double delta = Double.NaN;
        for (int it = 1; it <= options.maxIterations(); it++) {
            delta = parallel ? sweepParallel(mdp, v, out) : sweep(mdp, v, out);
            double[] t = v;
            v = out;
            out = t;
            boolean done = gamma < 1 ? gamma * delta / (1 - gamma) < options.epsilon() : delta < options.epsilon();
            if (done) {
                double[][] q = Bellman.q(mdp, v);
                double residual = residual(q, v);
                double bound = gamma < 1 ? gamma * delta / (1 - gamma) : Double.NaN;
                return new Solution(v, q, Policies.greedy(q), it, residual, bound);
            }
            if (Double.isNaN(delta) || Double.isInfinite(delta)) break;
        }
        throw new UsageException(String.format(Locale.ROOT,
                "value iteration did not converge in %d sweeps (last change %.3g, γ = %s)%s", options.maxIterations(),
                delta, gamma, gamma == 1 ? "; with γ = 1 every policy must reach a terminal state" : ""));
    }

    /** max_s |max_a Q(s, a) − V(s)|. */
    static double residual(double[][] q, double[] v) {
        double r = 0;
        for (int s = 0; s < v.length; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (double x : q[s]) if (x > best) best = x;
            r = Math.max(r, Math.abs(best - v[s]));
        }
        return r;
    }

    /**
     * One synchronous Bellman-optimality sweep, out = T* v: out(s) = max_a R(s, a) + γ Σ_s' P(s'|s,a) v(s') (0 for
     * terminal states). Reads the MDP's flat arrays in order plus one gather from v per transition, and allocates
     * nothing per sweep. MDPs of at least {@link #SEGMENTED_MIN_STATES} states are swept segment by segment of v
     * ({@link SegmentedTransitions}; the first sweep builds that layout, 16 bytes per transition, kept with the MDP),
     * with the same result bit for bit.
     *
     * @param v   the current values (read only)
     * @param out receives the new values; must not be {@code v}
     * @return δ = ‖out − v‖∞
     */
    public static double sweep(Mdp mdp, double[] v, double[] out) {
        checkSweep(mdp, v, out);
        SegmentedTransitions st = mdp.states() >= SEGMENTED_MIN_STATES ? mdp.segmented() : null;
        return st == null ? sweepRows(mdp, v, out, 0, mdp.states()) : sweepSegmented(mdp, st, v, out, 1);
    }

    /**
     * {@link #sweep} with the states split into blocks swept on the common fork-join pool. Every state's new value is
     * computed exactly as in the serial sweep and δ is a maximum, so the result is bit-identical to {@link #sweep}.
     */
    public static double sweepParallel(Mdp mdp, double[] v, double[] out) {
        checkSweep(mdp, v, out);
        int n = mdp.states();
        int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
        SegmentedTransitions st = n >= SEGMENTED_MIN_STATES ? mdp.segmented() : null;
        if (st != null) return sweepSegmented(mdp, st, v, out, Math.min(n, threads));
        int blocks = Math.min(n, 8 * threads);
        if (blocks <= 1) return sweepRows(mdp, v, out, 0, n);
        return IntStream.range(0, blocks).parallel()
                .mapToDouble(b -> sweepRows(mdp, v, out, (int) ((long) n * b / blocks),
                        (int) ((long) n * (b + 1) / blocks)))
                .max().orElse(0);
    }

    /** From this many states on, sweeps go segment by segment: v no longer fits a core's cache. */
    public static final int SEGMENTED_MIN_STATES = 4 << SegmentedTransitions.SEGMENT_BITS;

    private static void checkSweep(Mdp mdp, double[] v, double[] out) {
        Bellman.requireLength(v, mdp.states(), "v");
        Bellman.requireLength(out, mdp.states(), "out");
        if (v == out) throw new IllegalArgumentException("a synchronous sweep needs separate input and output arrays");
    }

    // The plain hot loop, row by row. Each row's value is rowReward + γ·Σ p·v[next] summed in stored order, exactly as
    // Bellman.rowValue computes it. Rows of up to four transitions (deterministic moves, slippery gridworlds, Garnet
    // MDPs) are summed in straight-line code: the sweep is bound by the latency of the gathers v[next[k]], and a short
    // loop per row keeps fewer of them in flight (about 25% slower on the 10⁶-state benchmark, paired runs).
    static double sweepRows(Mdp mdp, double[] v, double[] out, int from, int to) {
        final int actions = mdp.actions();
        final int[] rowStart = mdp.rowStartArray();
        final int[] next = mdp.nextArray();
        final double[] prob = mdp.probArray();
        final double[] rowReward = mdp.expectedRewardArray();
        final double gamma = mdp.discount();
        double delta = 0;
        int row = from * actions;
        int k = rowStart[row];
        for (int s = from; s < to; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions; a++, row++) {
                int end = rowStart[row + 1];
                double acc = 0;
                switch (end - k) {
                    case 0 -> { }
                    case 1 -> acc += prob[k] * v[next[k]];
                    case 2 -> {
                        acc += prob[k] * v[next[k]];
                        acc += prob[k + 1] * v[next[k + 1]];
                    }
                    case 3 -> {
                        acc += prob[k] * v[next[k]];
                        acc += prob[k + 1] * v[next[k + 1]];
                        acc += prob[k + 2] * v[next[k + 2]];
                    }
                    case 4 -> {
                        acc += prob[k] * v[next[k]];
                        acc += prob[k + 1] * v[next[k + 1]];
                        acc += prob[k + 2] * v[next[k + 2]];
                        acc += prob[k + 3] * v[next[k + 3]];
                    }
                    default -> {
                        for (int j = k; j < end; j++) acc += prob[j] * v[next[j]];
                    }
                }
                k = end;
                double q = rowReward[row] + gamma * acc;
                if (q > best) best = q;
            }
            out[s] = best;
            double d = Math.abs(best - v[s]);
            if (d > delta) delta = d;
        }
        return delta;
    }

    /**
     * The segmented sweep: row sums accumulate segment by segment of v (each row's terms still in stored order, see
     * {@link SegmentedTransitions}), then each state takes its maximum. {@code chunks} &gt; 1 splits the states into
     * that many ranges swept in parallel; the result does not depend on it.
     */
    static double sweepSegmented(Mdp mdp, SegmentedTransitions st, double[] v, double[] out, int chunks) {
        int n = mdp.states();
        double[] acc = st.borrowScratch(n * mdp.actions());
        try {
            if (chunks <= 1) return sweepSegmentedRange(mdp, st, v, out, acc, 0, n);
            return IntStream.range(0, chunks).parallel()
                    .mapToDouble(c -> sweepSegmentedRange(mdp, st, v, out, acc, (int) ((long) n * c / chunks),
                            (int) ((long) n * (c + 1) / chunks)))
                    .max().orElse(0);
        } finally {
            st.returnScratch(acc);
        }
    }

    private static double sweepSegmentedRange(Mdp mdp, SegmentedTransitions st, double[] v, double[] out,
                                              double[] acc, int from, int to) {
        final int actions = mdp.actions();
        final int rowFrom = from * actions;
        final int rowTo = to * actions;
        final int[] row = st.row;
        final int[] next = st.next;
        final double[] prob = st.prob;
        Arrays.fill(acc, rowFrom, rowTo, 0.0);
        for (int j = 0; j < st.segments; j++) {
            for (int t = st.firstAtRow(j, rowFrom), e = st.firstAtRow(j, rowTo); t < e; t++) {
                acc[row[t]] += prob[t] * v[next[t]];
            }
        }
        final double[] rowReward = mdp.expectedRewardArray();
        final double gamma = mdp.discount();
        double delta = 0;
        int r = rowFrom;
        for (int s = from; s < to; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions; a++, r++) {
                double q = rowReward[r] + gamma * acc[r];
                if (q > best) best = q;
            }
            out[s] = best;
            double d = Math.abs(best - v[s]);
            if (d > delta) delta = d;
        }
        return delta;
    }
}
