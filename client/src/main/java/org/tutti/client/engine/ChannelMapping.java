package org.tutti.client.engine;

import org.tutti.backend.AudioRequest;

/**
 * Which sound-card channels are Tutti's left and right input and output, as Jamulus's ASIO and Core Audio backends
 * let a musician choose them: any device input for each side, any device output for each side. A device with exactly
 * four inputs also offers four "mixed" input choices after its own four, each the sum of two inputs (Jamulus's
 * {@code CSoundBase::GetSelCHAndAddCH}): choice 4 = inputs 1 + 3, 5 = 1 + 4, 6 = 2 + 3, 7 = 2 + 4.
 *
 * <p>Values are 0-based choices; the default is inputs 1/2 and outputs 1/2. Immutable: the engine resolves it
 * against the channels a stream granted into a {@link ChannelRoute} for the audio thread.
 *
 * @param inputLeft   input choice for the left side, 0..{@value #MAX_CHOICE}
 * @param inputRight  input choice for the right side
 * @param outputLeft  device output that plays the left side, 0..{@value #MAX_CHOICE}
 * @param outputRight device output that plays the right side
 */
public record ChannelMapping(int inputLeft, int inputRight, int outputLeft, int outputRight) {
    public static final ChannelMapping DEFAULT = new ChannelMapping(0, 1, 0, 1);
    /** The highest choice any device can offer (eight channels, or four plus four mixed ones). */
    public static final int MAX_CHOICE = AudioRequest.MAX_CHANNELS - 1;
    /** Only a device with this many inputs offers mixed choices (as in Jamulus). */
    static final int MIXING_DEVICE_INPUTS = 4;

    /** A mapping from stored settings: each value clamped to 0..{@value #MAX_CHOICE}. */
    public static ChannelMapping clamped(int inputLeft, int inputRight, int outputLeft, int outputRight) {
        return new ChannelMapping(clamp(inputLeft), clamp(inputRight), clamp(outputLeft), clamp(outputRight));
    }

    private static int clamp(int choice) {
        return Math.max(0, Math.min(MAX_CHOICE, choice));
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** How many input choices a device with {@code deviceInputs} inputs offers. */
    public static int inputChoices(int deviceInputs) {
        return deviceInputs == MIXING_DEVICE_INPUTS ? 2 * MIXING_DEVICE_INPUTS : deviceInputs;
    }

    /** The device input (0-based) that a choice reads. */
    public static int primaryInput(int choice, int deviceInputs) {
        return choice < deviceInputs ? choice : (choice - deviceInputs) / 2;
    }

    /** The device input added to {@link #primaryInput} for a mixed choice, or −1 for a plain one. */
    public static int addedInput(int choice, int deviceInputs) {
        return choice < deviceInputs ? -1 : (choice - deviceInputs) % 2 + 2;
    }

    /** "3" for a plain choice, "1 + 3" for a mixed one (1-based, as on the sound card's labels). */
    public static String inputLabel(int choice, int deviceInputs) {
        int added = addedInput(choice, deviceInputs);
        int first = primaryInput(choice, deviceInputs) + 1;
        return added < 0 ? Integer.toString(first) : first + " + " + (added + 1);
    }

    /**
     * Inputs a backend whose ports exist on demand (JACK) must open for this mapping: the highest input used + 1,
     * at least two. Such a device never has exactly four inputs unless input 4 is the highest used, so its choices
     * are always plain.
     */
    public int inputsNeeded() {
        return Math.max(AudioRequest.CHANNELS, Math.max(inputLeft, inputRight) + 1);
    }

    /** Outputs a backend whose ports exist on demand must open: the highest output used + 1, at least two. */
    public int outputsNeeded() {
        return Math.max(AudioRequest.CHANNELS, Math.max(outputLeft, outputRight) + 1);
    }

    /** Whether every choice exists on a stream with this many inputs and outputs. */
    public boolean fits(int deviceInputs, int deviceOutputs) {
        int choices = inputChoices(deviceInputs);
        return inputLeft < choices && inputRight < choices && outputLeft < deviceOutputs
                && outputRight < deviceOutputs;
    }
}
