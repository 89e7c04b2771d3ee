package org.alignlab.threats.coordination.commons;

import java.util.SplittableRandom;

/**
 * One independent learner: Q(s, a) = Σ_{f active in s} w[a][f] over sparse binary features of its own egocentric
 * view, trained by one-step Q-learning (Watkins 1989) with the step size shared among the active features. It sees
 * nothing of the other agents' values or actions beyond what is in its window: the "independent learners" of the
 * paper, with a linear function of a small window standing in for the paper's deep Q-network.
 *
 * <p>A transition whose agent is out of play for k steps (time-out) is closed when it is next in play, discounted by
 * γ^k (a semi-Markov step), so that being tagged costs the harvest foregone.
 */
public final class LinearQLearner {
    private final int actions;
    private final int features;
    private final double[] w; // w[a * features + f]
    private final double alpha;
    private final double gamma;
    private final double[] q;
    private int[] pendingFeatures;
    private int pendingCount;
    private int pendingAction = -1;
    private double pendingReturn;
    private double pendingDiscount;

    public LinearQLearner(int features, int actions, double alpha, double gamma) {
        this.actions = actions;
        this.features = features;
        this.w = new double[actions * features];
        this.alpha = alpha;
        this.gamma = gamma;
        this.q = new double[actions];
        this.pendingFeatures = new int[0];
    }

    /** Q-values of all actions for the active features, written into an internal buffer that is returned. */
    double[] values(int[] active, int count) {
        for (int a = 0; a < actions; a++) {
            double s = 0;
            int base = a * features;
            for (int k = 0; k < count; k++) s += w[base + active[k]];
            q[a] = s;
        }
        return q;
    }

    /**
     * Sees the new state: closes the pending transition (if any) against it, then picks an ε-greedy action (ties
     * broken uniformly), which becomes the pending one.
     */
    public int act(int[] active, int count, double epsilon, boolean learn, SplittableRandom rng) {
        double[] v = values(active, count);
        double max = v[0];
        for (int a = 1; a < actions; a++) max = Math.max(max, v[a]);
        if (learn && pendingAction >= 0) update(pendingReturn + pendingDiscount * max);
        int choice;
        if (rng.nextDouble() < epsilon) {
            choice = rng.nextInt(actions);
        } else {
            int ties = 0;
            choice = 0;
            for (int a = 0; a < actions; a++) {
                if (v[a] == max && rng.nextInt(++ties) == 0) choice = a;
            }
        }
        if (pendingFeatures.length < count) pendingFeatures = new int[count];
        System.arraycopy(active, 0, pendingFeatures, 0, count);
        pendingCount = count;
        pendingAction = choice;
        pendingReturn = 0;
        pendingDiscount = 1;
        return choice;
    }

    /** The reward of the step just taken (or of a step spent out of play). */
    public void reward(double r) {
        if (pendingAction < 0) return;
        pendingReturn += pendingDiscount * r;
        pendingDiscount *= gamma;
    }

    /**
     * The episode is cut off by its time limit: the pending transition bootstraps from the value it predicted
     * (it is dropped; the time limit is not a terminal state the agent could see).
     */
    public void endEpisode() {
        pendingAction = -1;
        pendingCount = 0;
    }

    private void update(double target) {
        int base = pendingAction * features;
        double pred = 0;
        for (int k = 0; k < pendingCount; k++) pred += w[base + pendingFeatures[k]];
        double step = alpha / pendingCount * (target - pred);
        for (int k = 0; k < pendingCount; k++) w[base + pendingFeatures[k]] += step;
    }
}
