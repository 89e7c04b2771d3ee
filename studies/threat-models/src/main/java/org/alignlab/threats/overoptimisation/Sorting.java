package org.alignlab.threats.overoptimisation;

/** A stable index sort on double keys (ties keep index order), without boxing. */
final class Sorting {
    private Sorting() {}

    /** The permutation that sorts {@code keys} ascending; equal keys stay in index order. NaN keys are refused. */
    static int[] ascending(double[] keys) {
        int n = keys.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(keys[i])) throw new IllegalArgumentException("NaN key at " + i);
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
