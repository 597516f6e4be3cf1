package org.tutti.audio;

/** In-place k-th smallest selection (Hoare's quickselect, median-of-three pivot); never allocates. */
final class Selection {
    private Selection() {
    }

    /**
     * Rearranges {@code a[from, to)} so that {@code a[k]} holds the value that sorted order would put
     * there, and returns it.
     */
    static long select(long[] a, int from, int to, int k) {
        if (k < from || k >= to) {
            throw new IllegalArgumentException("k outside [" + from + ", " + to + "): " + k);
        }
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            long pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static long medianOfThree(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
