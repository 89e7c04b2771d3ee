package org.alignlab.decision.agents;

import java.util.List;

/** The episodes of one {@link Trainer} call, in order; means are summed in that order (reproducible bit for bit). */
public record Episodes(List<EpisodeResult> episodes) {
    public Episodes {
        episodes = List.copyOf(episodes);
    }

    public int size() {
        return episodes.size();
    }

    public EpisodeResult get(int i) {
        return episodes.get(i);
    }

    public double[] returns() {
        return episodes.stream().mapToDouble(EpisodeResult::totalReward).toArray();
    }

    /** Per-episode hidden returns (NaN where the environment reported none). */
    public double[] hiddenReturns() {
        return episodes.stream().mapToDouble(EpisodeResult::hiddenReward).toArray();
    }

    public int[] lengths() {
        return episodes.stream().mapToInt(EpisodeResult::steps).toArray();
    }

    public double meanReturn() {
        return mean(returns(), 0);
    }

    /** Mean hidden return; NaN when any episode reported none. */
    public double meanHiddenReturn() {
        return mean(hiddenReturns(), 0);
    }

    /** Mean return of the last {@code k} episodes (all, if fewer). */
    public double meanReturnOfLast(int k) {
        double[] r = returns();
        return mean(r, Math.max(0, r.length - k));
    }

    private static double mean(double[] x, int from) {
        if (x.length - from <= 0) return Double.NaN;
        double sum = 0;
        for (int i = from; i < x.length; i++) sum += x[i];
        return sum / (x.length - from);
    }
}
