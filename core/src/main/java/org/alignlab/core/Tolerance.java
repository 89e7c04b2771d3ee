package org.alignlab.core;

/**
 * How close a measurement must come to a published number. Each case turns the published number into a band
 * [lo, hi]; the verdict compares the measured 95% interval with that band.
 */
public sealed interface Tolerance {
    double lo(double published);

    double hi(double published);

    /** Human-readable form, e.g. "± 0.01" or "≥ published − 0.05". */
    String describe();

    /** Two-sided, absolute: published ± eps. */
    record Absolute(double eps) implements Tolerance {
        public Absolute {
            if (!(eps >= 0)) throw new IllegalArgumentException("eps must be >= 0");
        }

        public double lo(double p) { return p - eps; }

        public double hi(double p) { return p + eps; }

        public String describe() { return "± " + Numbers.fmt(eps); }
    }

    /** Two-sided, relative: published · (1 ± fraction). */
    record Relative(double fraction) implements Tolerance {
        public Relative {
            if (!(fraction >= 0)) throw new IllegalArgumentException("fraction must be >= 0");
        }

        public double lo(double p) { return p - Math.abs(p) * fraction; }

        public double hi(double p) { return p + Math.abs(p) * fraction; }

        public String describe() { return "± " + Numbers.fmt(fraction * 100) + "%"; }
    }

    /** One-sided: the measurement must be at least published − slack. */
    record AtLeast(double slack) implements Tolerance {
        public AtLeast {
            if (!(slack >= 0)) throw new IllegalArgumentException("slack must be >= 0");
        }

        public double lo(double p) { return p - slack; }

        public double hi(double p) { return Double.POSITIVE_INFINITY; }

        public String describe() { return slack == 0 ? "at least" : "at least, − " + Numbers.fmt(slack); }
    }

    /** One-sided: the measurement must be at most published + slack. */
    record AtMost(double slack) implements Tolerance {
        public AtMost {
            if (!(slack >= 0)) throw new IllegalArgumentException("slack must be >= 0");
        }

        public double lo(double p) { return Double.NEGATIVE_INFINITY; }

        public double hi(double p) { return p + slack; }

        public String describe() { return slack == 0 ? "at most" : "at most, + " + Numbers.fmt(slack); }
    }

    static Tolerance absolute(double eps) { return new Absolute(eps); }

    static Tolerance relative(double fraction) { return new Relative(fraction); }

    static Tolerance atLeast(double slack) { return new AtLeast(slack); }

    static Tolerance atMost(double slack) { return new AtMost(slack); }
}
