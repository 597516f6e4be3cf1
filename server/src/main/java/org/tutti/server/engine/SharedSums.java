package org.tutti.server.engine;

import java.util.Arrays;

/**
 * The sum of every source's faded input for one tick, as mono and as left/right. A listener whose mix is all
 * default (gain 1, pan centre) takes its mix from here in O(frame) instead of summing N sources itself, which
 * makes the common case O(N) for the whole server instead of O(N²).
 */
final class SharedSums {
    final float[] mono;
    final float[] left;
    final float[] right;
    private final int frameSamples;

    SharedSums(int frameSamples) {
        this.frameSamples = frameSamples;
        this.mono = new float[frameSamples];
        this.left = new float[frameSamples];
        this.right = new float[frameSamples];
    }

    void prepare(ClientChannel[] sources, int count) {
        int n = frameSamples;
        Arrays.fill(mono, 0, n, 0f);
        Arrays.fill(left, 0, n, 0f);
        Arrays.fill(right, 0, n, 0f);
        for (int s = 0; s < count; s++) {
            ClientChannel src = sources[s];
            float g = src.fadeIn();
            if (g == 0f) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                mono[i] += g * src.inMono[i];
                left[i] += g * src.inLeft[i];
                right[i] += g * src.inRight[i];
            }
        }
    }
}
