package org.alignlab.decision.agents;

import java.util.Objects;
import org.alignlab.core.UsageException;

/**
 * A value that changes with training time, for exploration rates, temperatures and learning rates. The clock is
 * the agent's count of observed steps or of finished episodes ({@link Unit}).
 */
public sealed interface Schedule {
    /** What a schedule's time counts. */
    enum Unit { STEPS, EPISODES }

    Unit unit();

    /** The value after {@code t} units (t >= 0). */
    double at(long t);

    /** The smallest value the schedule takes. */
    double lowest();

    /** The largest value the schedule takes. */
    double highest();

    /** The value at the agent's counters. */
    default double value(long steps, long episodes) {
        return at(unit() == Unit.STEPS ? steps : episodes);
    }

    static Schedule constant(double value) {
        return new Constant(value);
    }

    /** From {@code from} to {@code to} in a straight line over {@code over} units, then {@code to}. */
    static Schedule linear(double from, double to, long over, Unit unit) {
        return new Linear(from, to, over, unit);
    }

    /** {@code to + (from − to)·rate^t}: starts at {@code from} and approaches {@code to} geometrically. */
    static Schedule exponential(double from, double to, double rate, Unit unit) {
        return new Exponential(from, to, rate, unit);
    }

    record Constant(double value) implements Schedule {
        public Constant {
            finite(value, "constant schedule value");
        }

        @Override
        public Unit unit() {
            return Unit.STEPS;
        }

        @Override
        public double at(long t) {
            return value;
        }

        @Override
        public double lowest() {
            return value;
        }

        @Override
        public double highest() {
            return value;
        }
    }

    record Linear(double from, double to, long over, Unit unit) implements Schedule {
        public Linear {
            finite(from, "linear schedule start");
            finite(to, "linear schedule end");
            if (over < 1) throw new UsageException("a linear schedule needs at least one unit to decay over (got "
                    + over + ")");
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public double at(long t) {
            if (t >= over) return to;
            return from + (to - from) * ((double) Math.max(t, 0) / over);
        }

        @Override
        public double lowest() {
            return Math.min(from, to);
        }

        @Override
        public double highest() {
            return Math.max(from, to);
        }
    }

    record Exponential(double from, double to, double rate, Unit unit) implements Schedule {
        public Exponential {
            finite(from, "exponential schedule start");
            finite(to, "exponential schedule limit");
            if (!(rate > 0 && rate <= 1)) {
                throw new UsageException("an exponential schedule's rate must be in (0, 1] (got " + rate + ")");
            }
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public double at(long t) {
            return to + (from - to) * Math.pow(rate, Math.max(t, 0));
        }

        @Override
        public double lowest() {
            return Math.min(from, to);
        }

        @Override
        public double highest() {
            return Math.max(from, to);
        }
    }

    private static void finite(double x, String what) {
        if (!Double.isFinite(x)) throw new UsageException(what + " must be finite (got " + x + ")");
    }
}
