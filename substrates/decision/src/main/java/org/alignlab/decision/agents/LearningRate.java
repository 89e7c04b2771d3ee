package org.alignlab.decision.agents;

import java.util.Objects;
import org.alignlab.core.UsageException;

/**
 * The step size α of a tabular update Q ← Q + α(target − Q): a {@link Schedule} over the agent's clock, or the
 * sample average 1/N(s, a), which makes Monte-Carlo control average returns exactly (Sutton &amp; Barto 2018, §5.3)
 * and satisfies the Robbins–Monro conditions for Q-learning (§2.7, eq. 2.7).
 */
public sealed interface LearningRate {
    /**
     * α for an update of a pair that has now been updated {@code visits} times (this update included), at the
     * agent's counters.
     */
    double alpha(long steps, long episodes, long visits);

    static LearningRate constant(double alpha) {
        return new Scheduled(Schedule.constant(alpha));
    }

    static LearningRate scheduled(Schedule schedule) {
        return new Scheduled(schedule);
    }

    static LearningRate sampleAverage() {
        return new SampleAverage();
    }

    /** α from a schedule whose values lie in (0, 1]. */
    record Scheduled(Schedule schedule) implements LearningRate {
        public Scheduled {
            Objects.requireNonNull(schedule, "schedule");
            if (!(schedule.lowest() > 0 && schedule.highest() <= 1)) {
                throw new UsageException("learning rate must stay in (0, 1] (schedule ranges over ["
                        + schedule.lowest() + ", " + schedule.highest() + "])");
            }
        }

        @Override
        public double alpha(long steps, long episodes, long visits) {
            return schedule.value(steps, episodes);
        }
    }

    /** α = 1 / N(s, a). */
    record SampleAverage() implements LearningRate {
        @Override
        public double alpha(long steps, long episodes, long visits) {
            return 1.0 / Math.max(1, visits);
        }
    }
}
