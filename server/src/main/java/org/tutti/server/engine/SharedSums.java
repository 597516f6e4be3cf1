package org.tutti.server.engine;

import org.tutti.server.mix.SourceFrame;

/**
 * The sum of every source's faded input for one tick, as mono and as left/right. A listener whose mix is all
 * default (gain 1, pan centre) takes its mix from here in O(frame) instead of summing N sources itself, which
 * makes the common case O(N) for the whole server instead of O(N²). Written by the engine thread between the
 * decode and the mix phase; read only during the mix phase.
 */
final class SharedSums {
    final SourceFrame sum;
    private final int frameSamples;

    SharedSums(int frameSamples) {
        this.frameSamples = frameSamples;
        this.sum = new SourceFrame(frameSamples);
    }

    void prepare(ClientChannel[] sources, int count) {
        sum.silence(frameSamples);
        for (int s = 0; s < count; s++) {
            ClientChannel src = sources[s];
            float g = src.fadeIn();
            if (g != 0f) {
                sum.addScaled(src.input.frame, g, frameSamples);
            }
        }
    }
}
