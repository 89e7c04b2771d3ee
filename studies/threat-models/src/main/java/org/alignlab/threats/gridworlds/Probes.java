package org.alignlab.threats.gridworlds;

import java.util.List;
import org.alignlab.decision.env.EpisodeRecorder;
import org.alignlab.decision.grid.GridObservation;

/** Measurements of one recorded episode that the gridworld experiments average. */
final class Probes {
    private Probes() {}

    /** 1 if any observation of the episode shows {@code glyph} at (row, col), else 0. */
    static double everShows(EpisodeRecorder.Episode<GridObservation, Integer> ep, int row, int col, char glyph) {
        for (GridObservation o : ep.observations()) if (o.glyph(row, col) == glyph) return 1;
        return 0;
    }

    /** 1 if the episode ended on a step whose observed reward was at most {@code threshold}, else 0. */
    static double endedWithRewardAtMost(EpisodeRecorder.Episode<GridObservation, Integer> ep, double threshold) {
        List<Double> r = ep.rewards();
        return ep.terminated() && !r.isEmpty() && r.get(r.size() - 1) <= threshold ? 1 : 0;
    }
}
