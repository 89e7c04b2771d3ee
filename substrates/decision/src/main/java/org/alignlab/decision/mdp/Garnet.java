package org.alignlab.decision.mdp;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alignlab.core.UsageException;

/**
 * Garnet random MDPs ("generic average reward non-stationary environment test-bench", Archibald, McKinnon &amp; Thomas
 * 1995; the form used by Bhatnagar et al. 2009, Sec. 6): every state-action pair has {@code branching} distinct
 * successors drawn uniformly without replacement, their probabilities are the gaps between {@code branching − 1}
 * uniform cut points of [0, 1] (a uniform draw from the simplex), and its reward R(s, a) is uniform in [0, 1). No state
 * is terminal; the start distribution is uniform.
 *
 * <p>Built straight into the sparse arrays, so that MDPs with millions of transitions (the value-iteration benchmark)
 * cost no per-transition objects. The same generator state gives the same MDP, bit for bit.
 */
public final class Garnet {
    private Garnet() {}

    public static Mdp generate(int states, int actions, int branching, double discount, SplittableRandom rng) {
        if (states < 1) throw new UsageException("a Garnet MDP needs at least one state (got " + states + ")");
        if (actions < 1) throw new UsageException("a Garnet MDP needs at least one action (got " + actions + ")");
        if (branching < 1 || branching > states) {
            throw new UsageException("branching must be in 1.." + states + " (got " + branching + ")");
        }
        MdpBuilder.checkDiscount(discount);
        long rowsLong = (long) states * actions;
        if (rowsLong * branching > Integer.MAX_VALUE - 8) {
            throw new UsageException("too many transitions: " + states + " × " + actions + " × " + branching);
        }
        int rows = (int) rowsLong;
        int[] rowStart = new int[rows + 1];
        int[] next = new int[rows * branching];
        double[] prob = new double[rows * branching];
        double[] reward = new double[rows * branching];
        boolean[] marked = new boolean[states];
        int[] chosen = new int[branching];
        double[] cuts = new double[branching + 1];
        for (int row = 0; row < rows; row++) {
            int k = row * branching;
            rowStart[row] = k;
            // Floyd's algorithm: a uniform subset of size b from {0..S−1} with exactly b draws.
            for (int i = 0, j = states - branching; j < states; i++, j++) {
                int t = rng.nextInt(j + 1);
                if (marked[t]) t = j;
                marked[t] = true;
                chosen[i] = t;
            }
            Arrays.sort(chosen);
            for (int c : chosen) marked[c] = false;
            cuts[0] = 0;
            for (int i = 1; i < branching; i++) cuts[i] = rng.nextDouble();
            cuts[branching] = 1;
            Arrays.sort(cuts, 1, branching);
            double r = rng.nextDouble();
            for (int i = 0; i < branching; i++) {
                next[k + i] = chosen[i];
                prob[k + i] = cuts[i + 1] - cuts[i];
                reward[k + i] = r;
            }
        }
        rowStart[rows] = rows * branching;
        double[] initial = new double[states];
        Arrays.fill(initial, 1.0 / states);
        return new Mdp(states, actions, discount, rowStart, next, prob, reward, new double[states],
                new boolean[states], initial, null, null);
    }
}
