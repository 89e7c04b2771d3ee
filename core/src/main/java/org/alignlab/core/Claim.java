package org.alignlab.core;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A published number and how it is measured here, or (for a demonstration) a property asserted as a band on a
 * metric. Checked over {@link #seeds()} runs: mean, 95% interval, verdict.
 *
 * @param id            stable within its experiment, e.g. "closed-form"
 * @param source        where the number is published; for a demonstration, the work that motivates it
 * @param statement     the claim in our words
 * @param metric        what is measured on one run's result
 * @param published     the published number (for a demonstration: the threshold of the property)
 * @param tolerance     how close the measurement must come
 * @param seeds         how many independent runs the check uses
 * @param demonstration true when no number is published: verdicts are DEMONSTRATED / NOT_DEMONSTRATED
 * @param setupNote     how the setup here differs from the paper's; empty when it does not
 */
public record Claim<R>(String id, Source source, String statement, ToDoubleFunction<R> metric, double published,
                       Tolerance tolerance, int seeds, boolean demonstration, String setupNote) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tolerance, "tolerance");
        if (seeds < 1) throw new IllegalArgumentException("a claim needs at least one seed");
        setupNote = setupNote == null ? "" : setupNote;
    }

    /** A published number to reproduce. */
    public static <R> Claim<R> published(String id, Source source, String statement, ToDoubleFunction<R> metric,
                                         double published, Tolerance tolerance, int seeds) {
        return new Claim<>(id, source, statement, metric, published, tolerance, seeds, false, "");
    }

    /** A property asserted without a published number: {@code metric} must fall in {@code tolerance} of {@code threshold}. */
    public static <R> Claim<R> demonstration(String id, Source motivation, String statement,
                                             ToDoubleFunction<R> metric, double threshold, Tolerance tolerance,
                                             int seeds) {
        return new Claim<>(id, motivation, statement, metric, threshold, tolerance, seeds, true, "");
    }

    /** The same claim, saying how the setup here differs from the paper's. */
    public Claim<R> withSetupNote(String note) {
        return new Claim<>(id, source, statement, metric, published, tolerance, seeds, demonstration, note);
    }

    public double bandLo() {
        return tolerance.lo(published);
    }

    public double bandHi() {
        return tolerance.hi(published);
    }
}
