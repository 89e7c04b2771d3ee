package org.alignlab.decision.impact;

import java.util.SplittableRandom;
import org.alignlab.core.UsageException;
import org.alignlab.decision.power.RewardSampler;

/**
 * The auxiliary reward functions R_1..R_|R| whose attainable utilities an AUP agent preserves (Turner, Hadfield-Menell
 * and Tadepalli 2020, Sec. 3, the "attainable set"). Each is state-based: r_i(s') is received on arriving in s', as
 * in the paper's experiments, where every r_i(s) is drawn IID uniform on [0, 1] ({@link #uniform}).
 *
 * @param values r_i(s) as values[i][s]; held, not copied by the accessor: do not modify
 */
public record AuxiliaryRewards(double[][] values) {
    public AuxiliaryRewards {
        if (values == null) throw new UsageException("auxiliary rewards must not be null");
        int states = values.length == 0 ? 0 : values[0].length;
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != states) {
                throw new UsageException("auxiliary reward " + i + " has " + values[i].length + " states, reward 0 has "
                        + states);
            }
            for (double x : values[i]) {
                if (!Double.isFinite(x)) throw new UsageException("auxiliary reward " + i + " is not finite: " + x);
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }

    /** |R| reward functions over {@code states} states, each r_i(s) IID uniform on [0, 1) from {@code rng}. */
    public static AuxiliaryRewards uniform(int count, int states, SplittableRandom rng) {
        return sample(count, states, RewardSampler.iidUniform(), rng);
    }

    /** |R| reward functions drawn from {@code sampler}, one after another from the same stream. */
    public static AuxiliaryRewards sample(int count, int states, RewardSampler sampler, SplittableRandom rng) {
        if (count < 0) throw new UsageException("the number of auxiliary rewards must be >= 0 (got " + count + ")");
        if (states < 1) throw new UsageException("auxiliary rewards need at least one state");
        double[][] v = new double[count][];
        for (int i = 0; i < count; i++) v[i] = sampler.sample(states, rng);
        return new AuxiliaryRewards(v);
    }

    /** |R|. */
    public int count() {
        return values.length;
    }

    /** r_i(s). */
    public double reward(int i, int s) {
        return values[i][s];
    }

    /** Number of states each function is defined on (0 when there are no functions). */
    public int states() {
        return values.length == 0 ? 0 : values[0].length;
    }
}
