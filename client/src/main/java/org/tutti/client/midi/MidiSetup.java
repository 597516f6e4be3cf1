package org.tutti.client.midi;

/**
 * Which MIDI controllers move what, in Jamulus's {@code --ctrlmidich} terms: the MIDI channel to listen to (0 = all,
 * 1–16), and for faders, pans, solos and mutes the first controller number and how many follow (controller
 * {@code offset + i} acts on the strip of channel ID {@code i}, as on a 3.9.1 mixer board), one controller for "mute
 * myself", pick-up mode and a device name.
 *
 * @param channel       MIDI channel, 0 = every channel
 * @param muteMyselfCc  the controller of "mute myself", or -1
 * @param pickup        a fader or pan moves only once the control has reached its current position (no jumps)
 * @param device        part of the MIDI input's name; empty = JACK's port when JACK runs, else the first device
 */
public record MidiSetup(int channel, Span faders, Span pans, Span solos, Span mutes, int muteMyselfCc,
                        boolean pickup, String device) {
    /** Jamulus's MAX_NUM_CHANNELS: a controller range covers at most this many channel IDs. */
    public static final int MAX_CHANNELS = 150;
    /** Jamulus's legacy default first fader controller (Behringer X-Touch, 0x46). */
    public static final int LEGACY_FADER_OFFSET = 70;

    /** Controllers {@code offset .. offset + count - 1}; count 0 = none. */
    public record Span(int offset, int count) {
        public static final Span NONE = new Span(0, 0);

        public Span {
            if (offset < 0 || offset > 127 || count < 0) {
                throw new IllegalArgumentException("controller span " + offset + "*" + count);
            }
            count = Math.min(count, Math.min(MAX_CHANNELS, 128 - offset));
        }

        @Override
        public String toString() {
            return offset + "*" + count;
        }
    }

    public MidiSetup {
        if (channel < 0 || channel > 16) {
            throw new IllegalArgumentException("MIDI channel " + channel + " (0 = all, 1-16)");
        }
        device = device == null ? "" : device;
    }

    /**
     * Parses Jamulus's syntax: {@code CHANNEL[;OFFSET]} (legacy: faders from OFFSET, default 70, for every channel
     * ID) or {@code CHANNEL;f0*8;p16*8;s32*8;m48*8;o64;u;dNAME} (f faders, p pans, s solos, m mutes, o mute myself,
     * u pick-up, d device). Unknown letters are skipped, as Jamulus does.
     *
     * @throws IllegalArgumentException with a sentence for the user when the channel or a number is not valid
     */
    public static MidiSetup parse(String spec) {
        String[] parts = spec.split(";", -1);
        int channel = number(parts[0].trim(), "MIDI channel");
        if (channel < 0 || channel > 16) {
            throw new IllegalArgumentException("the MIDI channel must be 0 (all channels) to 16, not " + channel);
        }
        String second = parts.length > 1 ? parts[1].trim() : "";
        if (parts.length == 1 || second.matches("\\d+")) {
            int offset = parts.length == 1 ? LEGACY_FADER_OFFSET : number(second, "fader offset");
            if (offset > 127) {
                throw new IllegalArgumentException("a MIDI controller number is 0-127, not " + offset);
            }
            return new MidiSetup(channel, new Span(offset, MAX_CHANNELS), Span.NONE, Span.NONE, Span.NONE, -1,
                    false, "");
        }
        Span f = Span.NONE;
        Span p = Span.NONE;
        Span s = Span.NONE;
        Span m = Span.NONE;
        int o = -1;
        boolean pickup = false;
        String device = "";
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            char kind = part.charAt(0);
            if (kind == 'd') {
                device = part.substring(1);
                continue;
            }
            if (part.equals("u")) {
                pickup = true;
                continue;
            }
            if ("fpsmo".indexOf(kind) < 0) {
                continue;
            }
            String[] n = part.substring(1).split("\\*", -1);
            int first = number(n[0], "controller number in '" + part + "'");
            int count = n.length > 1 ? number(n[1], "controller count in '" + part + "'") : 1;
            if (first > 127) {
                throw new IllegalArgumentException("a MIDI controller number is 0-127, not " + first);
            }
            Span span = new Span(first, count);
            switch (kind) {
                case 'f' -> f = span;
                case 'p' -> p = span;
                case 's' -> s = span;
                case 'm' -> m = span;
                default -> o = first;
            }
        }
        return new MidiSetup(channel, f, p, s, m, o, pickup, device);
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + what + " is not a number: '" + text + "'");
        }
    }

    /** The same setup in the new {@code --ctrlmidich} syntax. */
    public String spec() {
        StringBuilder b = new StringBuilder().append(channel);
        append(b, 'f', faders);
        append(b, 'p', pans);
        append(b, 's', solos);
        append(b, 'm', mutes);
        if (muteMyselfCc >= 0) {
            b.append(";o").append(muteMyselfCc);
        }
        if (pickup) {
            b.append(";u");
        }
        if (!device.isEmpty()) {
            b.append(";d").append(device);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, char kind, Span span) {
        if (span.count() > 0) {
            b.append(';').append(kind).append(span);
        }
    }
}
