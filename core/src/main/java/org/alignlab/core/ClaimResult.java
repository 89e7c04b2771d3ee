package org.alignlab.core;

import java.util.List;

/** One claim's check: what was published, what was measured over the seeds, and the verdict. */
public record ClaimResult(String experiment, String claim, String node, String statement, String source,
                          boolean demonstration, String setupNote, double published, String tolerance,
                          double bandLo, double bandHi, int n, double mean, double ciLo, double ciHi,
                          Verdict verdict, double[] values, List<String> runIds) {

    public static <R> ClaimResult of(ExperimentInfo info, Claim<R> claim, double[] values, List<String> runIds) {
        Stats.Interval iv = Stats.interval95(values);
        Verdict v = Verdict.decide(iv.lo(), iv.hi(), claim.bandLo(), claim.bandHi(), claim.demonstration());
        return new ClaimResult(info.id(), claim.id(), info.node(), claim.statement(), claim.source().cite(),
                claim.demonstration(), claim.setupNote(), claim.published(), claim.tolerance().describe(),
                claim.bandLo(), claim.bandHi(), iv.n(), iv.mean(), iv.lo(), iv.hi(), v, values.clone(),
                List.copyOf(runIds));
    }

    /** A claim that could not be measured because its runs failed. */
    public static <R> ClaimResult error(ExperimentInfo info, Claim<R> claim, List<String> runIds) {
        return new ClaimResult(info.id(), claim.id(), info.node(), claim.statement(), claim.source().cite(),
                claim.demonstration(), claim.setupNote(), claim.published(), claim.tolerance().describe(),
                claim.bandLo(), claim.bandHi(), 0, Double.NaN, Double.NaN, Double.NaN, Verdict.ERROR,
                new double[0], List.copyOf(runIds));
    }

    /** "[0.3912, 0.4051]" */
    public String interval() {
        return "[" + Numbers.fmt(ciLo) + ", " + Numbers.fmt(ciHi) + "]";
    }

    /** "[0.38, 0.42]" or "≥ 0" */
    public String band() {
        if (bandHi == Double.POSITIVE_INFINITY) return ">= " + Numbers.fmt(bandLo);
        if (bandLo == Double.NEGATIVE_INFINITY) return "<= " + Numbers.fmt(bandHi);
        return "[" + Numbers.fmt(bandLo) + ", " + Numbers.fmt(bandHi) + "]";
    }
}
