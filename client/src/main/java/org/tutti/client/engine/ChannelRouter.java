package org.tutti.client.engine;

import java.util.Arrays;

/**
 * Applies a {@link ChannelRoute} around the per-cycle audio work: picks (or sums) the mapped device inputs into a
 * stereo pair before it, and spreads the stereo result onto the mapped device outputs after it. The identity route
 * hands the device's own arrays through, untouched. Audio thread only: the buffers are allocated here once, nothing
 * is allocated or locked per cycle.
 */
final class ChannelRouter {
    /** Longer cycles than this (no backend Tutti uses gives them) pass through unmapped. */
    static final int MAX_FRAMES = 8192;
    private final float[][] stereoIn = new float[2][MAX_FRAMES];
    private final float[][] stereoOut = new float[2][MAX_FRAMES];

    /** The stereo input for this cycle: the device's arrays, or the mapped copy. */
    float[][] input(ChannelRoute route, float[][] in, int frames) {
        if (route.isIdentity() || frames > MAX_FRAMES) {
            return in;
        }
        pick(in, route.inLeft(), route.inLeftAdd(), stereoIn[0], frames);
        pick(in, route.inRight(), route.inRightAdd(), stereoIn[1], frames);
        return stereoIn;
    }

    /** The stereo output the cycle writes: the device's arrays, or a cleared pair that {@link #spread} copies. */
    float[][] output(ChannelRoute route, float[][] out, int frames) {
        if (route.isIdentity() || frames > MAX_FRAMES) {
            return out;
        }
        Arrays.fill(stereoOut[0], 0, frames, 0f);
        Arrays.fill(stereoOut[1], 0, frames, 0f);
        return stereoOut;
    }

    /** Copies the cycle's stereo output onto the mapped device outputs; every other output is silent. */
    void spread(ChannelRoute route, float[][] stereo, float[][] out, int frames) {
        if (stereo == out) {
            return;
        }
        for (float[] channel : out) {
            Arrays.fill(channel, 0, frames, 0f);
        }
        System.arraycopy(stereo[0], 0, out[route.outLeft()], 0, frames);
        System.arraycopy(stereo[1], 0, out[route.outRight()], 0, frames);
    }

    // Jamulus sums two 16-bit inputs and clips; in the card's float range that is a sum clipped to ±1.
    private static void pick(float[][] in, int first, int added, float[] target, int frames) {
        float[] a = in[first];
        if (added < 0) {
            System.arraycopy(a, 0, target, 0, frames);
            return;
        }
        float[] b = in[added];
        for (int i = 0; i < frames; i++) {
            target[i] = Math.max(-1f, Math.min(1f, a[i] + b[i]));
        }
    }
}
