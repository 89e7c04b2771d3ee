package org.alignlab.threats.coordination.commons;

/**
 * The four social outcome metrics of one episode (Perolat et al. 2017, Sect. 3), for N agents over T steps with
 * R_i = Σ_t r_t^i:
 * <ul>
 *   <li>efficiency (utilitarian) U = Σ_i R_i / T, the group's harvest per step;</li>
 *   <li>equality E = 1 − Σ_i Σ_j |R_i − R_j| / (2 N Σ_i R_i), one minus the Gini coefficient of the returns
 *       (taken as 1 when nobody harvested: nobody got more than anybody else);</li>
 *   <li>sustainability S = (1/N) Σ_i t_i with t_i = E[t | r_t^i &gt; 0], the mean step (1..T) at which rewards
 *       come in:
 *       about T/2 when harvest is spread over the episode, small when the resource is stripped early (averaged over
 *       the agents that harvested at all; NaN when none did);</li>
 *   <li>peace P = (N T − Σ_i Σ_t 1[agent i is timed out at t]) / T, the mean number of agents in play.</li>
 * </ul>
 */
public record SocialMetrics(double efficiency, double equality, double sustainability, double peace) {

    /** Metrics of a finished episode given as rewards[i][t] and timedOut[i][t]. */
    public static SocialMetrics of(double[][] rewards, boolean[][] timedOut) {
        int n = rewards.length;
        if (n == 0) throw new IllegalArgumentException("no agents");
        int steps = rewards[0].length;
        Tally tally = new Tally(n);
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < n; i++) {
                tally.record(i, t + 1, rewards[i][t], timedOut[i][t]);
            }
        }
        return tally.metrics(steps);
    }

    /** Accumulates an episode step by step; {@link #metrics} reads it off. */
    public static final class Tally {
        private final int n;
        private final double[] returns;
        private final double[] rewardTimeSum;
        private final int[] rewardSteps;
        private long outSteps;

        public Tally(int agents) {
            this.n = agents;
            this.returns = new double[agents];
            this.rewardTimeSum = new double[agents];
            this.rewardSteps = new int[agents];
        }

        /** Agent i at step t (1-based) got reward r, and was (or was not) out of play. */
        public void record(int i, int t, double r, boolean out) {
            returns[i] += r;
            if (r > 0) {
                rewardTimeSum[i] += t;
                rewardSteps[i]++;
            }
            if (out) outSteps++;
        }

        public double returnOf(int i) {
            return returns[i];
        }

        public SocialMetrics metrics(int steps) {
            double total = 0;
            for (double r : returns) total += r;
            double efficiency = total / steps;
            double equality;
            if (total == 0) {
                equality = 1;
            } else {
                double diff = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) diff += Math.abs(returns[i] - returns[j]);
                }
                equality = 1 - diff / (2.0 * n * total);
            }
            double tSum = 0;
            int harvesters = 0;
            for (int i = 0; i < n; i++) {
                if (rewardSteps[i] == 0) continue;
                tSum += rewardTimeSum[i] / rewardSteps[i];
                harvesters++;
            }
            double sustainability = harvesters == 0 ? Double.NaN : tSum / harvesters;
            double peace = ((double) n * steps - outSteps) / steps;
            return new SocialMetrics(efficiency, equality, sustainability, peace);
        }
    }
}
