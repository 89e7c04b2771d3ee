package org.alignlab.decision.mdp;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The transitions of an {@link Mdp} regrouped by the segment of their successor (column blocking of the sparse
 * matrix, as in cache-blocked sparse matrix-vector products, Nishtala et al. 2007): segment j holds the transitions
 * whose successor lies in [j·2^b, (j+1)·2^b), in row order and, within a row, in stored order. A sweep then reads V one
 * cache-sized segment at a time instead of at random over all of it, which on a 10⁶-state MDP is most of the cost.
 *
 * <p>Each row's successors are stored in increasing order (the builder and {@link Garnet} sort them), so visiting the
 * segments in order adds a row's terms in exactly the stored order: the segmented sweep is bit-identical to the plain
 * one. An MDP whose rows are not sorted gets no layout ({@link #of} returns null).
 */
final class SegmentedTransitions {
    /** Segments of 2^17 states: 1 MiB of values, an L2 cache on most current processors. */
    static final int SEGMENT_BITS = 17;

    final int segmentBits;
    final int segments;
    /** Transitions of segment j are [segmentStart[j], segmentStart[j + 1]). */
    final int[] segmentStart;
    final int[] row;
    final int[] next;
    final double[] prob;
    private final AtomicReference<double[]> scratch = new AtomicReference<>();

    private SegmentedTransitions(int segmentBits, int segments, int[] segmentStart, int[] row, int[] next,
                                 double[] prob) {
        this.segmentBits = segmentBits;
        this.segments = segments;
        this.segmentStart = segmentStart;
        this.row = row;
        this.next = next;
        this.prob = prob;
    }

    /** The layout with segments of 2^segmentBits states, or null if some row's successors are not increasing. */
    static SegmentedTransitions of(Mdp mdp, int segmentBits) {
        int[] rowStart = mdp.rowStartArray();
        int[] next = mdp.nextArray();
        double[] prob = mdp.probArray();
        int rows = rowStart.length - 1;
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r] + 1; k < rowStart[r + 1]; k++) if (next[k] <= next[k - 1]) return null;
        }
        int segments = ((mdp.states() - 1) >> segmentBits) + 1;
        int[] start = new int[segments + 1];
        for (int n : next) start[(n >> segmentBits) + 1]++;
        for (int j = 0; j < segments; j++) start[j + 1] += start[j];
        int[] fill = new int[segments];
        int nnz = next.length;
        int[] rowOf = new int[nnz];
        int[] nextOf = new int[nnz];
        double[] probOf = new double[nnz];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int j = next[k] >> segmentBits;
                int t = start[j] + fill[j]++;
                rowOf[t] = r;
                nextOf[t] = next[k];
                probOf[t] = prob[k];
            }
        }
        return new SegmentedTransitions(segmentBits, segments, start, rowOf, nextOf, probOf);
    }

    /** The first transition of segment j whose row is at least {@code r} (rows ascend within a segment). */
    int firstAtRow(int j, int r) {
        int lo = segmentStart[j];
        int hi = segmentStart[j + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (row[mid] < r) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** A scratch array of row sums, reused between sweeps (a concurrent sweep of the same MDP gets its own). */
    double[] borrowScratch(int rows) {
        double[] a = scratch.getAndSet(null);
        return a != null ? a : new double[rows];
    }

    void returnScratch(double[] a) {
        scratch.set(a);
    }
}
