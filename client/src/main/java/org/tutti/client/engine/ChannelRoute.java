package org.tutti.client.engine;

/**
 * A {@link ChannelMapping} resolved against the channels a stream granted, for the audio thread: which device
 * arrays feed Tutti's left and right input (one, or two summed) and which device outputs play its left and right.
 * Immutable, published through a volatile field; {@link ChannelRouter} applies it.
 *
 * @param inLeft      device input of the left side
 * @param inLeftAdd   device input added to it, −1 for none
 * @param inRight     device input of the right side
 * @param inRightAdd  device input added to it, −1 for none
 * @param outLeft     device output of the left side
 * @param outRight    device output of the right side (it wins when both sides name the same output, as in Jamulus)
 */
record ChannelRoute(int inLeft, int inLeftAdd, int inRight, int inRightAdd, int outLeft, int outRight) {
    /** Inputs 1/2, outputs 1/2: the device's arrays are used as they are. */
    static final ChannelRoute IDENTITY = new ChannelRoute(0, -1, 1, -1, 0, 1);

    /** The route for {@code mapping} on a stream with these channels, or null when a choice does not exist there. */
    static ChannelRoute resolve(ChannelMapping mapping, int inputs, int outputs) {
        if (!mapping.fits(inputs, outputs)) {
            return null;
        }
        return new ChannelRoute(ChannelMapping.primaryInput(mapping.inputLeft(), inputs),
                ChannelMapping.addedInput(mapping.inputLeft(), inputs),
                ChannelMapping.primaryInput(mapping.inputRight(), inputs),
                ChannelMapping.addedInput(mapping.inputRight(), inputs), mapping.outputLeft(), mapping.outputRight());
    }

    boolean isIdentity() {
        return equals(IDENTITY);
    }
}
