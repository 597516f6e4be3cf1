package org.tutti.client.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.client.midi.MidiAction.Kind;
import org.tutti.client.model.ChannelProfile;
import org.tutti.client.model.MixerModel;

/** Decoding control changes and applying them to a real mixer model, with and without pick-up. */
class MidiMixerTest {
    private final MidiDecoder decoder = new MidiDecoder(MidiSetup.parse("3;f0*4;p8*4;s16*4;m24*4;o30"));

    private static MixerModel mixer() {
        MixerModel m = new MixerModel();
        m.updateChannels(List.of(new ChannelProfile(0, "A", 0, 0, "", 0), new ChannelProfile(2, "B", 0, 0, "", 0)));
        return m;
    }

    @Test
    void onlyMappedControlChangesOnTheChosenChannelDecode() {
        assertThat(decoder.decode(0xB2, 1, 100)).isEqualTo(new MidiAction(Kind.FADER, 1, 100));
        assertThat(decoder.decode(0xB2, 10, 0)).isEqualTo(new MidiAction(Kind.PAN, 2, 0));
        assertThat(decoder.decode(0xB2, 30, 127)).isEqualTo(new MidiAction(Kind.MUTE_MYSELF, 0, 127));
        assertThat(decoder.decode(0xB3, 1, 100)).as("MIDI channel 4").isNull();
        assertThat(decoder.decode(0x92, 1, 100)).as("a note").isNull();
        assertThat(decoder.decode(0xB2, 5, 100)).as("unmapped controller").isNull();
        assertThat(decoder.decode(0xB2, 1, 200)).as("bad data byte").isNull();
    }

    @Test
    void valuesScaleAsJamulusScalesThem() {
        assertThat(new MidiAction(Kind.FADER, 0, 127).faderPosition()).isEqualTo(100);
        assertThat(new MidiAction(Kind.FADER, 0, 64).faderPosition()).isEqualTo(50);
        assertThat(new MidiAction(Kind.PAN, 0, 0).panPosition()).isZero();
        assertThat(new MidiAction(Kind.PAN, 0, 64).panPosition()).isEqualTo(50);
        assertThat(new MidiAction(Kind.PAN, 0, 127).panPosition()).isEqualTo(100);
        assertThat(new MidiAction(Kind.MUTE, 0, 63).on()).isFalse();
        assertThat(new MidiAction(Kind.MUTE, 0, 64).on()).isTrue();
    }

    @Test
    void withoutPickupAFaderJumpsToTheControl() {
        MixerModel m = mixer();
        MidiMixer midi = new MidiMixer(false);
        midi.apply(new MidiAction(Kind.FADER, 2, 0), m);
        assertThat(m.channel(2).fader()).isZero();
        midi.apply(new MidiAction(Kind.MUTE, 2, 127), m);
        midi.apply(new MidiAction(Kind.SOLO, 0, 127), m);
        assertThat(m.channel(2).mute()).isTrue();
        assertThat(m.channel(0).solo()).isTrue();
        midi.apply(new MidiAction(Kind.FADER, 1, 0), m); // no strip on ID 1: ignored
    }

    @Test
    void withPickupAFaderWaitsUntilTheControlReachesIt() {
        MixerModel m = mixer(); // faders at 100
        MidiMixer midi = new MidiMixer(true);
        midi.apply(new MidiAction(Kind.FADER, 2, 13), m); // control at 10: far below
        assertThat(m.channel(2).fader()).isEqualTo(100);
        midi.apply(new MidiAction(Kind.FADER, 2, 64), m); // 50: still below
        assertThat(m.channel(2).fader()).isEqualTo(100);
        midi.apply(new MidiAction(Kind.FADER, 2, 126), m); // 99: caught
        assertThat(m.channel(2).fader()).isEqualTo(99);
        midi.apply(new MidiAction(Kind.FADER, 2, 64), m); // follows from now on
        assertThat(m.channel(2).fader()).isEqualTo(50);

        m.setFader(2, 80); // the mouse moved it: pick it up again
        midi.apply(new MidiAction(Kind.FADER, 2, 70), m); // 55
        assertThat(m.channel(2).fader()).isEqualTo(80);
        midi.apply(new MidiAction(Kind.FADER, 2, 120), m); // 94: passed 80 on the way
        assertThat(m.channel(2).fader()).isEqualTo(94);
    }

    @Test
    void withPickupAPanWaitsToo() {
        MixerModel m = mixer(); // pans centred at 50
        MidiMixer midi = new MidiMixer(true);
        midi.apply(new MidiAction(Kind.PAN, 0, 1), m);
        assertThat(m.channel(0).pan()).isEqualTo(50);
        midi.apply(new MidiAction(Kind.PAN, 0, 127), m); // swept across the centre
        assertThat(m.channel(0).pan()).isEqualTo(100);
    }
}
