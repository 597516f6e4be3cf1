package org.tutti.client.midi;

import org.tutti.client.midi.MidiAction.Kind;

/**
 * Turns MIDI messages into {@link MidiAction}s for a {@link MidiSetup}: control changes on the chosen channel whose
 * controller is mapped; everything else is ignored. A later span wins where two overlap, as in Jamulus.
 */
public final class MidiDecoder {
    private final int channel;
    private final Kind[] kinds = new Kind[128];
    private final int[] channelIds = new int[128];

    public MidiDecoder(MidiSetup setup) {
        this.channel = setup.channel();
        map(setup.faders(), Kind.FADER);
        map(setup.pans(), Kind.PAN);
        map(setup.solos(), Kind.SOLO);
        map(setup.mutes(), Kind.MUTE);
        if (setup.muteMyselfCc() >= 0 && setup.muteMyselfCc() < 128) {
            kinds[setup.muteMyselfCc()] = Kind.MUTE_MYSELF;
        }
    }

    private void map(MidiSetup.Span span, Kind kind) {
        for (int i = 0; i < span.count(); i++) {
            kinds[span.offset() + i] = kind;
            channelIds[span.offset() + i] = i;
        }
    }

    /** The action for one message, or null when it is not a mapped control change on our channel. */
    public MidiAction decode(int status, int data1, int data2) {
        if (status < 0xB0 || status > 0xBF || data1 < 0 || data1 > 127 || data2 < 0 || data2 > 127) {
            return null;
        }
        if (channel != 0 && (status & 0x0F) != channel - 1) {
            return null;
        }
        Kind kind = kinds[data1];
        return kind == null ? null : new MidiAction(kind, channelIds[data1], data2);
    }
}
