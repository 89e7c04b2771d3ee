package org.alignlab.decision.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.alignlab.core.Seeds;
import org.alignlab.core.UsageException;
import org.alignlab.decision.mdp.AverageReward;
import org.alignlab.decision.mdp.Mdp;
import org.alignlab.decision.mdp.Solution;
import org.alignlab.decision.mdp.ValueIteration;

/**
 * POWER and optimality probability of Turner, Smith, Shah, Critch and Tadepalli 2021 ("Optimal Policies Tend to Seek
 * Power", NeurIPS), estimated by Monte Carlo over reward functions R ~ D:
 *
 * <pre>
 *   POWER_D(s, γ) = (1 − γ)/γ · E_{R~D}[ V*_R(s, γ) − R(s) ]            (the paper's POWER)
 *   P_D(a optimal at s, γ) = P_{R~D}( a is optimal at s for R at γ )    (its optimality probability)
 * </pre>
 *
 * <p>Limits, in closed form ({@link Horizon}): as γ → 0, (1 − γ)/γ · (V* − R) → max_a Σ_s' P(s'|s,a) R(s'), the best
 * expected reward one step ahead, and the optimal actions are those attaining it. As γ → 1 it tends to the optimal
 * average reward (gain) g*(s), and an action counts as optimal when it is Blackwell optimal: optimal for every γ close
 * enough to 1 (so the optimality probabilities are the limits of the discounted ones). For a <b>deterministic</b> MDP
 * the gain of s is the largest mean reward of a cycle reachable from s (maximum mean cycle, Karp 1978), and an action
 * whose successor reaches no cycle of that mean is not optimal; when several do, and for every <b>stochastic</b> MDP,
 * {@link AverageReward} decides (multichain policy iteration with exact dense solves, at most {@code
 * PolicyEvaluation.DENSE_LIMIT} states). A terminal state of the {@link Mdp} counts as absorbing with reward 0.
 *
 * <p>Ties: an action's share of the probability mass for one reward sample is 1/k when k actions are optimal
 * (within {@link #TIE_TOLERANCE} relative to the best value), so the shares of a state's actions always sum to 1;
 * the fraction of samples with a tie is reported separately ({@link Estimate#tieRate}). For continuous IID rewards
 * ties have probability 0 unless two actions lead to the same states (or, as γ → 1, to futures of equal value at
 * every γ near 1, such as two terminal states).
 *
 * <p>Solvers. For a discount γ, each reward sample's V* comes from {@link DeterministicPower} (exact policy iteration
 * on the successor graph: V* exact up to rounding, no stopping tolerance) when the MDP is deterministic, that is every
 * non-terminal (s, a) has one successor; otherwise from {@link ValueIteration} to ‖V − V*‖∞ &lt; 1e-11. Either way
 * the solver's error is far below the {@link #TIE_TOLERANCE}-sized differences that decide ties.
 *
 * <p>Determinism: sample i draws its reward vector from {@code Seeds.stream(Seeds.derive(seed, "power"), "sample/" + i)};
 * samples are solved in parallel, in blocks fixed by their indices, and combined in index order, so results are
 * identical for any thread count.

 */
public final class Power {
    /** Two actions' values within this fraction of max(1, |best|) count as tied. */
    public static final double TIE_TOLERANCE = 1e-8;

    // Value iteration's bound on |V − V*|; far below TIE_TOLERANCE, so ties are not created by solver error.
    private static final ValueIteration.Options SOLVER = ValueIteration.Options.defaults().withEpsilon(1e-11);

    private Power() {}

    /**
     * @param samples number of reward functions drawn (≥ 1)
     * @param threads worker threads (≥ 1); the result does not depend on it
     * @param seed    the seed of the reward streams
     */
    public record Options(int samples, int threads, long seed) {
        public Options {
            if (samples < 1) throw new UsageException("need at least one reward sample (got " + samples + ")");
            if (threads < 1) throw new UsageException("need at least one thread (got " + threads + ")");
        }
    }

    /**
     * A Monte Carlo estimate at one state. Intervals are mean ± 1.96 · sd/√n (normal approximation).
     *
     * @param power        mean of (1 − γ)/γ · (V*_R(s) − R(s)) (or its limit) over the samples
     * @param optimality   per action: mean share of the optimal mass (sums to 1 over the state's actions)
     * @param tieRate      fraction of samples in which more than one action was optimal
     */
    public record Estimate(int state, Horizon horizon, int samples, double power, double powerLo, double powerHi,
                           double[] optimality, double[] optimalityLo, double[] optimalityHi, double tieRate) {
        public Estimate {
            optimality = optimality.clone();
            optimalityLo = optimalityLo.clone();
            optimalityHi = optimalityHi.clone();
        }

        @Override
        public double[] optimality() {
            return optimality.clone();
        }

        @Override
        public double[] optimalityLo() {
            return optimalityLo.clone();
        }

        @Override
        public double[] optimalityHi() {
            return optimalityHi.clone();
        }

        /** P(a optimal at the state). */
        public double optimality(int a) {
            return optimality[a];
        }
    }

    /** One reward sample's contribution: the normalised value and each action's share of optimality. */
    public record Sample(double power, double[] shares, boolean tie) {}

    /** Estimates POWER and the optimality probabilities of {@code state}'s actions under {@code sampler}. */
    public static Estimate estimate(Mdp mdp, int state, Horizon horizon, RewardSampler sampler, Options options) {
        if (mdp == null || horizon == null || sampler == null || options == null) {
            throw new UsageException("mdp, horizon, sampler and options must all be given");
        }
        checkState(mdp, state);
        Evaluator ev = new Evaluator(mdp, horizon);
        int n = options.samples();
        long base = Seeds.derive(options.seed(), "power");
        Sample[] out = new Sample[n];
        // Sample i depends on i only, and writes only out[i]; a block reuses one workspace.
        forEachBlock(0, n, options.threads(), (from, to) -> {
            DeterministicPower.Workspace ws = ev.workspace();
            for (int i = from; i < to; i++) out[i] = ev.evaluate(state, draw(mdp, sampler, base, i), ws);
        });
        return combine(state, horizon, out, mdp.actions());
    }

    /**
     * POWER of every state at once, for maps of POWER over a gridworld: one solve per reward sample serves all
     * states. The mean and 95% interval are those {@link #estimate} gives for each state, bit for bit (same samples,
     * same running sums in the same order). Terminal states, where POWER is not defined, hold NaN.
     *
     * @param horizon    the horizon of every state's estimate
     * @param samples    number of reward samples
     * @param stateNames {@link Mdp#stateName} of every state
     * @param power      POWER of each state (NaN for terminal states)
     * @param powerLo    lower end of its 95% interval, mean − 1.96 · sd/√n
     * @param powerHi    upper end
     */
    public record AllStates(Horizon horizon, int samples, List<String> stateNames, double[] power, double[] powerLo,
                            double[] powerHi) {
        public AllStates {
            stateNames = List.copyOf(stateNames);
            power = power.clone();
            powerLo = powerLo.clone();
            powerHi = powerHi.clone();
        }

        @Override
        public double[] power() {
            return power.clone();
        }

        @Override
        public double[] powerLo() {
            return powerLo.clone();
        }

        @Override
        public double[] powerHi() {
            return powerHi.clone();
        }

        public int states() {
            return power.length;
        }

        /** POWER of state s (NaN for a terminal state). */
        public double power(int s) {
            return power[s];
        }

        public double powerLo(int s) {
            return powerLo[s];
        }

        public double powerHi(int s) {
            return powerHi[s];
        }

        /** Whether POWER was estimated at s (false for terminal states). */
        public boolean defined(int s) {
            return !Double.isNaN(power[s]);
        }
    }

    /** Estimates POWER at every non-terminal state of {@code mdp} from the same reward samples ({@link AllStates}). */
    public static AllStates estimateAll(Mdp mdp, Horizon horizon, RewardSampler sampler, Options options) {
        if (mdp == null || horizon == null || sampler == null || options == null) {
            throw new UsageException("mdp, horizon, sampler and options must all be given");
        }
        int states = mdp.states();
        boolean any = false;
        for (int s = 0; s < states && !any; s++) any = !mdp.terminal(s);
        if (!any) throw new UsageException("every state of the MDP is terminal; POWER needs a state the agent acts in");
        Evaluator ev = new Evaluator(mdp, horizon);
        int n = options.samples();
        long base = Seeds.derive(options.seed(), "power");
        double[] mean = new double[states];
        double[] m2 = new double[states];
        // Samples are solved a wave at a time (about 16 MB of per-state values), then folded into the running means
        // in index order: the same sums as combine() forms for one state.
        int wave = (int) Math.min(n, Math.max(BLOCK, (1L << 21) / states / BLOCK * BLOCK));
        double[][] buf = new double[wave][];
        for (int start = 0; start < n; start += wave) {
            int first = start;
            int end = Math.min(n, start + wave);
            forEachBlock(start, end, options.threads(), (from, to) -> {
                DeterministicPower.Workspace ws = ev.workspace();
                for (int i = from; i < to; i++) buf[i - first] = ev.powers(draw(mdp, sampler, base, i), ws);
            });
            for (int i = start; i < end; i++) {
                double[] x = buf[i - start];
                buf[i - start] = null;
                for (int s = 0; s < states; s++) {
                    double d = x[s] - mean[s];
                    mean[s] += d / (i + 1);
                    m2[s] += d * (x[s] - mean[s]);
                }
            }
        }
        double[] lo = new double[states];
        double[] hi = new double[states];
        List<String> names = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            names.add(mdp.stateName(s));
            if (mdp.terminal(s)) {
                mean[s] = lo[s] = hi[s] = Double.NaN;
                continue;
            }
            double half = n < 2 ? 0 : 1.96 * Math.sqrt(m2[s] / (n - 1) / n);
            lo[s] = mean[s] - half;
            hi[s] = mean[s] + half;
        }
        return new AllStates(horizon, n, names, mean, lo, hi);
    }

    // Samples per block of work: blocks are fixed by the sample indices, never by the thread count.
    private static final int BLOCK = 32;

    private static double[] draw(Mdp mdp, RewardSampler sampler, long base, int i) {
        double[] r = sampler.sample(mdp.states(), Seeds.stream(base, "sample/" + i));
        return checkRewards(r, mdp.states(), i);
    }

    private interface Range {
        void run(int from, int to);
    }

    // Runs body over [start, end) in blocks of BLOCK samples, on `threads` workers.
    private static void forEachBlock(int start, int end, int threads, Range body) {
        int blocks = (end - start + BLOCK - 1) / BLOCK;
        java.util.function.IntConsumer one = b -> body.run(start + b * BLOCK, Math.min(end, start + (b + 1) * BLOCK));
        if (threads == 1 || blocks <= 1) {
            IntStream.range(0, blocks).forEach(one);
            return;
        }
        Runnable work = () -> IntStream.range(0, blocks).parallel().forEach(one);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c != null && !(c instanceof UsageException) && c.getCause() != null) c = c.getCause();
            if (c instanceof UsageException u) throw new UsageException(u.getMessage());
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The per-sample quantities for one given reward vector (no sampling). */
    public static Sample evaluate(Mdp mdp, int state, Horizon horizon, double[] rewards) {
        checkState(mdp, state);
        Evaluator ev = new Evaluator(mdp, horizon);
        return ev.evaluate(state, checkRewards(rewards, mdp.states(), 0), ev.workspace());
    }

    // Combines the samples in index order (Welford's running mean and variance), independent of thread count.
    private static Estimate combine(int state, Horizon horizon, Sample[] out, int actions) {
        int n = out.length;
        double[] pm = new double[1 + actions];
        double[] m2 = new double[1 + actions];
        int ties = 0;
        for (int i = 0; i < n; i++) {
            Sample smp = out[i];
            if (smp.tie()) ties++;
            for (int j = 0; j <= actions; j++) {
                double x = j == 0 ? smp.power() : smp.shares()[j - 1];
                double d = x - pm[j];
                pm[j] += d / (i + 1);
                m2[j] += d * (x - pm[j]);
            }
        }
        double[] half = new double[1 + actions];
        for (int j = 0; j <= actions; j++) half[j] = n < 2 ? 0 : 1.96 * Math.sqrt(m2[j] / (n - 1) / n);
        double[] p = new double[actions];
        double[] lo = new double[actions];
        double[] hi = new double[actions];
        for (int a = 0; a < actions; a++) {
            p[a] = pm[a + 1];
            lo[a] = Math.max(0, p[a] - half[a + 1]);
            hi[a] = Math.min(1, p[a] + half[a + 1]);
        }
        return new Estimate(state, horizon, n, pm[0], pm[0] - half[0], pm[0] + half[0], p, lo, hi,
                (double) ties / n);
    }

    private static void checkState(Mdp mdp, int state) {
        if (mdp == null) throw new UsageException("mdp must be given");
        if (state < 0 || state >= mdp.states()) {
            throw new UsageException("state " + state + " is not in the MDP (states 0.." + (mdp.states() - 1) + ")");
        }
        if (mdp.terminal(state)) {
            throw new UsageException("state " + mdp.stateName(state) + " is terminal; POWER is defined for states "
                    + "the agent acts in");
        }
    }

    private static double[] checkRewards(double[] r, int states, int sample) {
        if (r == null || r.length != states) {
            throw new UsageException("the reward sampler must return " + states + " rewards (sample " + sample
                    + " returned " + (r == null ? "null" : r.length) + ")");
        }
        for (int s = 0; s < states; s++) {
            if (!Double.isFinite(r[s])) {
                throw new UsageException(String.format(Locale.ROOT,
                        "the reward sampler returned %s for state %d in sample %d; rewards must be finite", r[s], s,
                        sample));
            }
        }
        return r;
    }

    private static Sample shares(double[] values, double power, double tolerance) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : values) best = Math.max(best, v);
        double tol = tolerance * Math.max(1, Math.abs(best));
        int k = 0;
        for (double v : values) if (v >= best - tol) k++;
        double[] sh = new double[values.length];
        for (int a = 0; a < values.length; a++) if (values[a] >= best - tol) sh[a] = 1.0 / k;
        return new Sample(power, sh, k > 1);
    }

    /** Per-horizon evaluation of one reward vector; thread-safe (holds only immutable precomputed structure). */
    private static final class Evaluator {
        private final Mdp mdp;
        private final Horizon horizon;
        private final CycleGraph graph;
        // Discounted horizon on a deterministic MDP: exact policy iteration instead of value iteration.
        private final DeterministicPower kernel;

        Evaluator(Mdp mdp, Horizon horizon) {
            this.mdp = mdp;
            this.horizon = horizon;
            this.graph = horizon instanceof Horizon.FarSighted && deterministic(mdp) ? new CycleGraph(mdp) : null;
            this.kernel = horizon instanceof Horizon.Discounted d ? DeterministicPower.of(mdp, d.gamma()) : null;
        }

        /** Buffers for one worker's solves (null when the horizon needs none). */
        DeterministicPower.Workspace workspace() {
            return kernel == null ? null : kernel.workspace();
        }

        /** The normalised value (1 − γ)/γ · (V*(s) − R(s)) (or its limit) of every state; NaN for terminal states. */
        double[] powers(double[] r, DeterministicPower.Workspace ws) {
            int n = mdp.states();
            double[] out = new double[n];
            switch (horizon) {
                case Horizon.Discounted d -> {
                    double g = d.gamma();
                    if (kernel != null) {
                        kernel.solve(r, ws);
                        for (int s = 0; s < n; s++) out[s] = kernel.power(ws, s);
                    } else {
                        Solution sol = ValueIteration.solve(mdp.withStateRewards(r).withDiscount(g), SOLVER);
                        for (int s = 0; s < n; s++) out[s] = (1 - g) / g * (sol.value(s) - r[s]);
                    }
                }
                case Horizon.Myopic m -> {
                    for (int s = 0; s < n; s++) if (!mdp.terminal(s)) out[s] = evaluate(s, r, ws).power();
                }
                case Horizon.FarSighted f -> {
                    // The power evaluate() reports: the cycle gain when deterministic, else AverageReward's gain.
                    if (graph != null) {
                        System.arraycopy(graph.gains(r), 0, out, 0, n);
                    } else {
                        AverageReward.Result lim = AverageReward.solve(mdp.withStateRewards(r));
                        for (int s = 0; s < n; s++) out[s] = lim.gain(s);
                    }
                }
            }
            for (int s = 0; s < n; s++) if (mdp.terminal(s)) out[s] = Double.NaN;
            return out;
        }

        Sample evaluate(int s, double[] r, DeterministicPower.Workspace ws) {
            int actions = mdp.actions();
            double[] values = new double[actions];
            switch (horizon) {
                case Horizon.Discounted d -> {
                    double g = d.gamma();
                    if (kernel != null) {
                        kernel.solve(r, ws);
                        for (int a = 0; a < actions; a++) values[a] = kernel.q(r, ws, s, a);
                        return shares(values, kernel.power(ws, s), TIE_TOLERANCE);
                    }
                    Solution sol = ValueIteration.solve(mdp.withStateRewards(r).withDiscount(g), SOLVER);
                    for (int a = 0; a < actions; a++) values[a] = sol.q(s, a);
                    return shares(values, (1 - g) / g * (sol.value(s) - r[s]), TIE_TOLERANCE);
                }
                case Horizon.Myopic m -> {
                    // (1−γ)/γ (V* − R) = (1−γ) max_a Σ P V*(s') → max_a Σ_s' P(s'|s,a) R(s') as γ → 0.
                    double best = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < actions; a++) {
                        double x = 0;
                        for (int k = mdp.rowStart(s, a); k < mdp.rowEnd(s, a); k++) {
                            int t = mdp.next(k);
                            x += mdp.prob(k) * (mdp.terminal(t) ? 0 : r[t]);
                        }
                        values[a] = x;
                        best = Math.max(best, x);
                    }
                    return shares(values, best, 1e-12);
                }
                case Horizon.FarSighted f -> {
                    double power = Double.NaN;
                    if (graph != null) {
                        double[] gain = graph.gains(r);
                        for (int a = 0; a < actions; a++) values[a] = gain[mdp.next(mdp.rowStart(s, a))];
                        Sample byGain = shares(values, gain[s], 1e-12);
                        if (!byGain.tie()) return byGain;
                        power = gain[s]; // several actions reach the best cycle: the bias and beyond decide, below
                    }
                    // Gain g*(s) and the Blackwell-optimal actions by multichain policy iteration.
                    AverageReward.Result lim = AverageReward.solve(mdp.withStateRewards(r));
                    for (int a = 0; a < actions; a++) values[a] = lim.isOptimal(s, a) ? 1 : 0;
                    return shares(values, graph != null ? power : lim.gain(s), 1e-12);
                }
            }
        }
    }

    /** Whether every non-terminal (s, a) has a single successor (then the γ → 1 limit uses {@link CycleGraph}). */
    static boolean deterministic(Mdp mdp) {
        for (int s = 0; s < mdp.states(); s++) {
            if (mdp.terminal(s)) continue;
            for (int a = 0; a < mdp.actions(); a++) if (mdp.rowEnd(s, a) - mdp.rowStart(s, a) != 1) return false;
        }
        return true;
    }

    /**
     * The successor graph of a deterministic MDP, split into strongly connected components (Tarjan 1972). The gain
     * of a state under state rewards R is the largest mean of R over a cycle reachable from it: each component's
     * maximum mean cycle (Karp 1978), then the maximum over the components reachable from it.
     */
    static final class CycleGraph {
        private final int n;
        private final int[][] succ;
        private final int[] comp;
        private final List<int[]> comps = new ArrayList<>(); // in Tarjan's order: a component after those it reaches
        private final int[][] compSucc;
        private final boolean[] cyclic;
        private final boolean[] terminal;

        CycleGraph(Mdp mdp) {
            n = mdp.states();
            terminal = new boolean[n];
            for (int s = 0; s < n; s++) terminal[s] = mdp.terminal(s);
            succ = new int[n][];
            for (int s = 0; s < n; s++) {
                if (mdp.terminal(s)) {
                    succ[s] = new int[] {s}; // absorbing, reward 0 (see gains)
                    continue;
                }
                int[] out = new int[mdp.actions()];
                for (int a = 0; a < mdp.actions(); a++) {
                    int k = mdp.rowStart(s, a);
                    if (mdp.rowEnd(s, a) - k != 1) {
                        throw new UsageException("the γ → 1 limit is implemented for deterministic MDPs only; state "
                                + mdp.stateName(s) + ", action " + mdp.actionName(a) + " has "
                                + (mdp.rowEnd(s, a) - k) + " successors");
                    }
                    out[a] = mdp.next(k);
                }
                succ[s] = Arrays.stream(out).distinct().sorted().toArray();
            }
            comp = new int[n];
            Arrays.fill(comp, -1);
            tarjan();
            compSucc = new int[comps.size()][];
            cyclic = new boolean[comps.size()];
            for (int c = 0; c < comps.size(); c++) {
                int[] members = comps.get(c);
                int cc = c;
                compSucc[c] = Arrays.stream(members).flatMap(u -> Arrays.stream(succ[u])).map(v -> comp[v])
                        .filter(d -> d != cc).distinct().sorted().toArray();
                int u0 = members[0];
                cyclic[c] = members.length > 1 || Arrays.stream(succ[u0]).anyMatch(v -> v == u0);
            }
        }

        private int index;
        private int[] idx;
        private int[] low;
        private boolean[] onStack;
        private int[] stack;
        private int sp;

        private void tarjan() {
            idx = new int[n];
            low = new int[n];
            Arrays.fill(idx, -1);
            onStack = new boolean[n];
            stack = new int[n];
            for (int s = 0; s < n; s++) if (idx[s] < 0) strongConnect(s);
        }

        private void strongConnect(int v) {
            idx[v] = low[v] = index++;
            stack[sp++] = v;
            onStack[v] = true;
            for (int w : succ[v]) {
                if (idx[w] < 0) {
                    strongConnect(w);
                    low[v] = Math.min(low[v], low[w]);
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], idx[w]);
                }
            }
            if (low[v] == idx[v]) {
                List<Integer> members = new ArrayList<>();
                int w;
                do {
                    w = stack[--sp];
                    onStack[w] = false;
                    comp[w] = comps.size();
                    members.add(w);
                } while (w != v);
                comps.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }

        /** The gain of every state under state rewards r (terminal states: reward 0). */
        double[] gains(double[] r) {
            double[] compGain = new double[comps.size()];
            for (int c = 0; c < comps.size(); c++) {
                double g = cyclic[c] ? maxMeanCycle(comps.get(c), r) : Double.NEGATIVE_INFINITY;
                for (int d : compSucc[c]) g = Math.max(g, compGain[d]); // d < c: emitted earlier
                compGain[c] = g;
            }
            double[] out = new double[n];
            for (int s = 0; s < n; s++) out[s] = compGain[comp[s]];
            return out;
        }

        // A terminal state is an absorbing loop that pays 0.
        private double reward(int u, double[] r) {
            return terminal[u] ? 0 : r[u];
        }

        // Karp 1978: λ* = max_v min_{0≤k<m} (D_m(v) − D_k(v)) / (m − k), D_k(v) the heaviest k-edge walk from a fixed
        // member to v, an edge u→v weighing R(u); restricted to the component's m members.
        private double maxMeanCycle(int[] members, double[] r) {
            int m = members.length;
            if (m == 1) return reward(members[0], r);
            int[] local = new int[n];
            Arrays.fill(local, -1);
            for (int i = 0; i < m; i++) local[members[i]] = i;
            double[][] d = new double[m + 1][m];
            for (double[] row : d) Arrays.fill(row, Double.NEGATIVE_INFINITY);
            d[0][0] = 0;
            for (int k = 1; k <= m; k++) {
                for (int i = 0; i < m; i++) {
                    if (d[k - 1][i] == Double.NEGATIVE_INFINITY) continue;
                    int u = members[i];
                    double w = d[k - 1][i] + reward(u, r);
                    for (int v : succ[u]) {
                        int j = local[v];
                        if (j >= 0 && w > d[k][j]) d[k][j] = w;
                    }
                }
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (d[m][j] == Double.NEGATIVE_INFINITY) continue;
                double worst = Double.POSITIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    if (d[k][j] == Double.NEGATIVE_INFINITY) continue;
                    worst = Math.min(worst, (d[m][j] - d[k][j]) / (m - k));
                }
                best = Math.max(best, worst);
            }
            return best;
        }
    }
}
