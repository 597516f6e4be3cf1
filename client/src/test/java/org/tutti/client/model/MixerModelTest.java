package org.tutti.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixerModelTest {
    private final MixerModel model = new MixerModel();
    private final List<String> sent = new ArrayList<>();
    private final GainSink sink = new GainSink() {
        @Override
        public void gain(int channelId, double gain) {
            sent.add("g" + channelId + "=" + String.format("%.4f", gain));
        }

        @Override
        public void pan(int channelId, double pan) {
            sent.add("p" + channelId + "=" + String.format("%.2f", pan));
        }
    };

    private static ChannelProfile ch(int id, String name) {
        return new ChannelProfile(id, name, 0, 0, "", 0);
    }

    @Test
    void faderLawSpansMinus35To0Db() {
        assertThat(FaderLaw.gain(100)).isEqualTo(1.0);
        assertThat(FaderLaw.gain(0)).isEqualTo(0.0);
        assertThat(20 * Math.log10(FaderLaw.gain(1))).isCloseTo(-34.65, within(0.01));
        assertThat(20 * Math.log10(FaderLaw.gain(50))).isCloseTo(-17.5, within(1e-9));
        for (int v = 1; v <= 100; v++) {
            assertThat(FaderLaw.fader(FaderLaw.gain(v))).isEqualTo(v);
        }
    }

    @Test
    void defaultsMatchTheServerSoNothingIsSentUntilSomethingChanges() {
        model.updateChannels(List.of(ch(0, "A"), ch(1, "B")));
        model.publish(sink);
        assertThat(sent).isEmpty();
        model.setFader(1, 50);
        model.setPan(0, 0);
        model.publish(sink);
        assertThat(sent).containsExactly("p0=0.00", "g1=" + String.format("%.4f", FaderLaw.gain(50)));
    }

    @Test
    void muteAndSoloBecomeZeroGainsAndReleaseRestoresTheFader() {
        model.updateChannels(List.of(ch(0, "A"), ch(1, "B"), ch(2, "C")));
        model.setFader(2, 80);
        model.publish(sink);
        sent.clear();

        model.setSolo(1, true);
        model.publish(sink);
        assertThat(sent).containsExactly("g0=0.0000", "g2=0.0000");
        sent.clear();

        model.setMute(1, true); // a muted soloist is silent too
        assertThat(model.effectiveGain(1)).isZero();
        model.setMute(1, false);
        model.setSolo(1, false);
        model.publish(sink);
        assertThat(sent).containsExactly("g0=1.0000", "g2=" + String.format("%.4f", FaderLaw.gain(80)));
    }

    @Test
    void theExtraChannelsOfASplitCountAsOurOwn() {
        model.setOwnChannel(1, true); // --mutemyown
        model.updateChannels(List.of(ch(0, "A"), ch(1, "Me"), ch(2, "Me 2")));
        assertThat(model.effectiveGain(2)).as("not ours yet").isEqualTo(FaderLaw.gain(model.newClientLevel()));
        assertThat(model.setOwnExtraChannels(new int[] {2})).isTrue();
        assertThat(model.setOwnExtraChannels(new int[] {2})).as("no change").isFalse();
        assertThat(model.isOwn(2)).isTrue();
        assertThat(model.channels().get(2).ownExtra()).isTrue();
        assertThat(model.effectiveGain(2)).as("Mute My Own covers it").isZero();
        model.setFader(2, 100);
        model.setAllFadersToNewClientLevel();
        assertThat(model.channels().get(2).fader()).as("Edit's fader action skips it").isEqualTo(100);
        model.soloGroup(List.of(0));
        assertThat(model.soloedOthers()).containsExactly(0);
        model.setOwnExtraChannels(new int[0]); // the split ended
        assertThat(model.isOwn(2)).isFalse();
        assertThat(model.channels().get(2).ownExtra()).isFalse();
    }

    @Test
    void twoSoloistsAreBothHeard() {
        model.updateChannels(List.of(ch(0, "A"), ch(1, "B"), ch(2, "C")));
        model.setSolo(0, true);
        model.setSolo(2, true);
        assertThat(model.effectiveGain(0)).isEqualTo(1.0);
        assertThat(model.effectiveGain(1)).isZero();
        assertThat(model.effectiveGain(2)).isEqualTo(1.0);
    }

    @Test
    void groupedFadersMoveTogetherAndClamp() {
        model.updateChannels(List.of(ch(0, "A"), ch(1, "B"), ch(2, "C")));
        model.setFader(1, 90);
        model.setGroup(0, 3);
        model.setGroup(1, 3);
        model.setFader(0, 80); // −20
        assertThat(model.channel(1).fader()).isEqualTo(70);
        assertThat(model.channel(2).fader()).isEqualTo(100); // not in the group
        model.setFader(1, 100); // +30: A would be 110, clamps to 100
        assertThat(model.channel(0).fader()).isEqualTo(100);
    }

    @Test
    void muteMyOwnSilencesOnlyTheOwnChannel() {
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "B")));
        model.setOwnChannel(0, true);
        model.publish(sink);
        assertThat(sent).containsExactly("g0=0.0000");
    }

    @Test
    void settingsFollowTheMusicianByNameAcrossReconnects() {
        model.updateChannels(List.of(ch(0, "Alice"), ch(1, "Bob")));
        model.setFader(1, 40);
        model.setMute(1, true);
        model.updateChannels(List.of(ch(0, "Alice"))); // Bob leaves
        model.updateChannels(List.of(ch(0, "Alice"), ch(3, "Bob"))); // and returns on another ID
        assertThat(model.channel(3).fader()).isEqualTo(40);
        assertThat(model.channel(3).mute()).isTrue();

        MixerModel next = new MixerModel();
        next.loadStoredSettings(model.storedSettings());
        next.updateChannels(List.of(ch(5, ""))); // unnamed at first, then identified
        next.updateChannels(List.of(ch(5, "Bob")));
        assertThat(next.channel(5).settings()).isEqualTo(new FaderSettings(40, 50, true, false, 0));
    }

    @Test
    void aChannelThatLeftIsResetSoItsSuccessorGetsTheRightGain() {
        model.updateChannels(List.of(ch(0, "A"), ch(1, "B")));
        model.setFader(1, 0);
        model.publish(sink);
        model.updateChannels(List.of(ch(0, "A")));
        model.updateChannels(List.of(ch(0, "A"), ch(1, "New")));
        sent.clear();
        model.publish(sink);
        assertThat(sent).isEmpty(); // the new musician starts at the server's default 1.0
    }

    @Test
    void levelsAndMutedByOtherMapToStrips() {
        model.updateChannels(List.of(ch(2, "A"), ch(7, "B")));
        model.setLevels(new int[] {3, 8, 5}, 3);
        assertThat(model.channels()).extracting(MixerChannel::level).containsExactly(3, 8);
        model.setMutedByOther(7, true);
        model.setMutedByOther(99, true); // unknown: ignored
        assertThat(model.channel(7).mutedByOther()).isTrue();
        assertThat(model.channel(2).mutedByOther()).isFalse();
        assertThat(model.storedSettings()).containsKeys("A", "B");
        assertThat(Map.copyOf(model.storedSettings())).hasSize(2);
    }

    @Test
    void soloGroupMakesExactlyThoseAndYourselfHeardInOneStepAndAnEmptyGroupEndsIt() {
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "A"), ch(2, "B"), ch(3, "C"), ch(4, "D")));
        model.setOwnChannel(0, false);
        model.setSolo(3, true); // an earlier solo that is not part of the group
        model.soloGroup(java.util.Set.of(1, 2, 99)); // 99: not connected, ignored
        assertThat(model.soloedOthers()).containsExactly(1, 2);
        assertThat(model.channel(0).solo()).as("you stay in your own mix").isTrue();
        assertThat(model.channel(3).solo()).isFalse();
        assertThat(model.effectiveGain(1)).isEqualTo(1.0);
        assertThat(model.effectiveGain(2)).isEqualTo(1.0);
        assertThat(model.effectiveGain(0)).isEqualTo(1.0);
        assertThat(model.effectiveGain(3)).isZero();
        assertThat(model.effectiveGain(4)).isZero();
        model.publish(sink);
        assertThat(sent).containsExactly("g3=0.0000", "g4=0.0000");

        sent.clear();
        model.soloGroup(java.util.Set.of());
        assertThat(model.soloedOthers()).isEmpty();
        assertThat(model.channels()).noneMatch(MixerChannel::solo);
        model.publish(sink);
        assertThat(sent).containsExactly("g3=1.0000", "g4=1.0000");
    }

    @Test
    void aGroupSoloIsRememberedByNameLikeAnyOtherSolo() {
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "A"), ch(2, "B")));
        model.setOwnChannel(0, false);
        model.soloGroup(java.util.Set.of(1));
        assertThat(model.storedSettings().get("A").solo()).isTrue();
        assertThat(model.storedSettings().get("B").solo()).isFalse();
    }
}
