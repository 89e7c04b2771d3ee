package org.alignlab.threats.coordination.commons;

import java.util.SplittableRandom;

/**
 * Trains N independent {@link LinearQLearner}s together in one {@link CommonsGame} for a number of episodes and
 * records the social outcome metrics of every episode, as the paper does over the course of training.
 */
public final class CommonsTraining {

    /** What the learners see and how they learn. */
    public record Setup(CommonsMap map, int agents, int episodes, int steps, int beamLength, int timeoutSteps,
                        int viewAhead, int viewBehind, int viewSide, double alpha, double gamma, double epsilonStart,
                        double epsilonEnd, double explorationFraction) {}

    /**
     * Per-episode record of a training run.
     *
     * @param metrics      metrics[e] of episode e
     * @param applesLeft   apples standing at the end of episode e, as a share of the full orchard
     * @param lastStock    apples standing after each step of the last episode (index 0 is the start)
     */
    public record Run(SocialMetrics[] metrics, double[] applesLeft, double[] lastStock) {}

    /** Called after every episode (for logging, progress and cancellation). */
    public interface Listener {
        void episode(int episode, SocialMetrics m, double applesLeft);
    }

    private CommonsTraining() {}

    /** ε for episode e: linear from start to end over the first explorationFraction of episodes, then constant. */
    static double epsilon(Setup s, int episode) {
        double span = Math.max(1, s.explorationFraction() * s.episodes());
        double f = Math.min(1, episode / span);
        return s.epsilonStart() + (s.epsilonEnd() - s.epsilonStart()) * f;
    }

    /**
     * @param envRng   drives spawn points, move order and regrowth
     * @param agentRng drives exploration and tie-breaking
     */
    public static Run run(Setup s, SplittableRandom envRng, SplittableRandom agentRng, Listener listener) {
        int n = s.agents();
        CommonsGame game = new CommonsGame(s.map(), n, s.beamLength(), s.timeoutSteps());
        int nf = CommonsGame.featureCount(s.viewAhead(), s.viewBehind(), s.viewSide());
        LinearQLearner[] learners = new LinearQLearner[n];
        for (int i = 0; i < n; i++) {
            learners[i] = new LinearQLearner(nf, CommonsAction.count(), s.alpha(), s.gamma());
        }
        int orchard = s.map().orchardSize();
        int[] features = new int[nf];
        int[] actions = new int[n];
        double[] rewards = new double[n];
        boolean[] out = new boolean[n];
        SocialMetrics[] metrics = new SocialMetrics[s.episodes()];
        double[] applesLeft = new double[s.episodes()];
        double[] lastStock = new double[s.steps() + 1];
        for (int e = 0; e < s.episodes(); e++) {
            boolean last = e == s.episodes() - 1;
            double eps = epsilon(s, e);
            game.reset(envRng);
            SocialMetrics.Tally tally = new SocialMetrics.Tally(n);
            if (last) lastStock[0] = game.apples();
            for (int t = 1; t <= s.steps(); t++) {
                for (int i = 0; i < n; i++) {
                    out[i] = !game.inPlay(i);
                    if (out[i]) {
                        actions[i] = CommonsAction.STAND.ordinal();
                        continue;
                    }
                    int count = game.observe(i, s.viewAhead(), s.viewBehind(), s.viewSide(), features);
                    actions[i] = learners[i].act(features, count, eps, true, agentRng);
                }
                game.step(actions, rewards, envRng);
                for (int i = 0; i < n; i++) {
                    learners[i].reward(rewards[i]);
                    tally.record(i, t, rewards[i], out[i]);
                }
                if (last) lastStock[t] = game.apples();
            }
            for (LinearQLearner l : learners) l.endEpisode();
            metrics[e] = tally.metrics(s.steps());
            applesLeft[e] = (double) game.apples() / orchard;
            if (listener != null) listener.episode(e, metrics[e], applesLeft[e]);
        }
        return new Run(metrics, applesLeft, lastStock);
    }
}
