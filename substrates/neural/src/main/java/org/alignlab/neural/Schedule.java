package org.alignlab.neural;

/** Learning-rate multiplier by step (steps count from 1). */
public sealed interface Schedule {
    double factor(long step);

    /** Always 1. */
    record Constant() implements Schedule {
        @Override
        public double factor(long step) {
            return 1;
        }
    }

    /** min(step / warmup, 1): the linear warm-up of Nanda et al. 2023 (10 steps there). */
    record LinearWarmup(long warmup) implements Schedule {
        public LinearWarmup {
            if (warmup < 0) throw new NeuralException("warm-up steps must be >= 0, got " + warmup);
        }

        @Override
        public double factor(long step) {
            return warmup == 0 ? 1 : Math.min((double) step / warmup, 1);
        }
    }

    /** Linear warm-up, then cosine decay to {@code floor} at {@code total} steps (Loshchilov and Hutter 2017). */
    record WarmupCosine(long warmup, long total, double floor) implements Schedule {
        public WarmupCosine {
            if (warmup < 0 || total <= warmup || floor < 0 || floor > 1)
                throw new NeuralException("cosine schedule needs 0 <= warmup < total and floor in [0, 1], got warmup="
                        + warmup + " total=" + total + " floor=" + floor);
        }

        @Override
        public double factor(long step) {
            if (step < warmup) return (double) step / warmup;
            double t = Math.min(1, (double) (step - warmup) / (total - warmup));
            return floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * t));
        }
    }

    static Schedule constant() {
        return new Constant();
    }

    static Schedule linearWarmup(long steps) {
        return new LinearWarmup(steps);
    }
}
