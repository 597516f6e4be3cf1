package org.tutti.client.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tutti.client.midi.MidiSetup.Span;

/** Jamulus's {@code --ctrlmidich} syntax, legacy and named, as its own parser reads it. */
class MidiSetupTest {
    @Test
    void theNamedFormSetsEachSection() {
        MidiSetup s = MidiSetup.parse("1;f0*8;p16*8;s32*8;m48*8;o64;u;dnanoKONTROL2");
        assertThat(s.channel()).isEqualTo(1);
        assertThat(s.faders()).isEqualTo(new Span(0, 8));
        assertThat(s.pans()).isEqualTo(new Span(16, 8));
        assertThat(s.solos()).isEqualTo(new Span(32, 8));
        assertThat(s.mutes()).isEqualTo(new Span(48, 8));
        assertThat(s.muteMyselfCc()).isEqualTo(64);
        assertThat(s.pickup()).isTrue();
        assertThat(s.device()).isEqualTo("nanoKONTROL2");
        assertThat(MidiSetup.parse(s.spec())).isEqualTo(s);
    }

    @Test
    void theLegacyFormMapsFadersFromTheOffsetForEveryChannel() {
        assertThat(MidiSetup.parse("2;10").faders()).isEqualTo(new Span(10, 118)); // up to controller 127
        assertThat(MidiSetup.parse("0").faders()).isEqualTo(new Span(70, 58)); // Behringer X-Touch default
        assertThat(MidiSetup.parse("0").pans().count()).isZero();
    }

    @Test
    void aSingleControllerAndUnknownLettersAreAsJamulusReadsThem() {
        MidiSetup s = MidiSetup.parse("16;f5;x9*3;p120*20");
        assertThat(s.faders()).isEqualTo(new Span(5, 1));
        assertThat(s.pans()).isEqualTo(new Span(120, 8)); // clipped at controller 127
        assertThat(s.muteMyselfCc()).isEqualTo(-1);
    }

    @Test
    void badInputGetsASentence() {
        assertThatThrownBy(() -> MidiSetup.parse("17;f0*8")).hasMessageContaining("0 (all channels) to 16");
        assertThatThrownBy(() -> MidiSetup.parse("one;f0")).hasMessageContaining("not a number: 'one'");
        assertThatThrownBy(() -> MidiSetup.parse("1;f200")).hasMessageContaining("0-127");
        assertThatThrownBy(() -> MidiSetup.parse("1;fa*2")).hasMessageContaining("'fa*2'");
    }
}
