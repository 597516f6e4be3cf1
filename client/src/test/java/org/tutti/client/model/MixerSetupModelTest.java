package org.tutti.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Edit menu, the new client level and loaded setups, decided by the model (Jamulus 3.9's rules). */
class MixerSetupModelTest {
    private final MixerModel model = new MixerModel();

    private static ChannelProfile ch(int id, String name) {
        return new ChannelProfile(id, name, 0, 0, "", 0);
    }

    private int fader(int id) {
        return model.channel(id).fader();
    }

    @Test
    void aMusicianWithNothingRememberedGetsTheNewClientLevelButNotOurOwnStrip() {
        model.setNewClientLevel(60);
        model.loadStoredSettings(Map.of("Known", new FaderSettings(30, 50, false, false, 0)));
        model.setOwnChannel(0, false);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "New"), ch(2, "Known")));
        assertThat(fader(0)).isEqualTo(100);
        assertThat(fader(1)).isEqualTo(60);
        assertThat(fader(2)).isEqualTo(30);
    }

    @Test
    void withoutOurOwnIdTheFirstListOnAnEmptyBoardKeeps100AsInJamulus() {
        model.setNewClientLevel(60);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "B")));
        assertThat(fader(0)).isEqualTo(100);
        assertThat(fader(1)).isEqualTo(100);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "B"), ch(2, "Late")));
        assertThat(fader(2)).isEqualTo(60);
    }

    @Test
    void aStripThatGetsItsNameLaterTakesItsMemoryOrKeepsItsStart() {
        model.setNewClientLevel(40);
        model.loadStoredSettings(Map.of("Ann", new FaderSettings(20, 10, true, false, 3)));
        model.setOwnChannel(0, false);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, ""), ch(2, "")));
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "Ann"), ch(2, "Bob")));
        assertThat(model.channel(1).settings()).isEqualTo(new FaderSettings(20, 10, true, false, 3));
        assertThat(model.channel(2).settings()).isEqualTo(new FaderSettings(40, 50, false, false, 0));
    }

    @Test
    void setAllFadersToNewClientLevelSkipsOurOwnStripAndDoesNotFollowGroups() {
        model.setOwnChannel(0, false);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "A"), ch(2, "B")));
        model.setGroup(0, 1);
        model.setGroup(1, 1);
        model.setFader(0, 90);
        model.setFader(2, 10);
        model.setNewClientLevel(70);
        model.setAllFadersToNewClientLevel();
        assertThat(fader(0)).isEqualTo(90);
        assertThat(fader(1)).isEqualTo(70);
        assertThat(fader(2)).isEqualTo(70);
        assertThat(model.storedSettings().get("B").fader()).isEqualTo(70);
    }

    @Test
    void clearAllSoloAndMuteClearsTheStripsShownAndEveryRememberedName() {
        model.loadStoredSettings(Map.of("Gone", new FaderSettings(55, 20, true, true, 2)));
        model.updateChannels(List.of(ch(1, "A"), ch(2, "B")));
        model.setMute(1, true);
        model.setSolo(2, true);
        model.clearAllSoloAndMute();
        assertThat(model.channel(1).mute()).isFalse();
        assertThat(model.channel(2).solo()).isFalse();
        assertThat(model.storedSettings()).containsEntry("Gone", new FaderSettings(55, 20, false, false, 2));
        assertThat(model.effectiveGain(1)).isEqualTo(1.0);
    }

    @Test
    void loadSetupChangesTheStripsShownNowAndIsRememberedForLaterOnes() {
        model.updateChannels(List.of(ch(1, "A"), ch(2, "B")));
        model.loadSetup(Map.of("A", new FaderSettings(25, 0, false, true, 4),
                "C", new FaderSettings(80, 100, true, false, 0)));
        assertThat(model.channel(1).settings()).isEqualTo(new FaderSettings(25, 0, false, true, 4));
        assertThat(model.channel(2).settings()).isEqualTo(FaderSettings.DEFAULT);
        model.updateChannels(List.of(ch(1, "A"), ch(2, "B"), ch(3, "C")));
        assertThat(model.channel(3).settings()).isEqualTo(new FaderSettings(80, 100, true, false, 0));
    }

    @Test
    void levelsAreAveragedWithJamulussWeight() {
        model.updateChannels(List.of(ch(1, "A")));
        model.setLevels(new int[] {5}, 1);
        model.setLevels(new int[] {5}, 1);
        assertThat(model.channel(1).averageLevel).isEqualTo(0.8 * 1.0 + 0.2 * 5);
    }

    /** Meter 8 = 0 dB, 4 = −25 dB, 2 = −37.5 dB (Jamulus's meter: 8 steps over −50..0 dB). */
    @Test
    void autoAdjustBringsEveryoneToTheMedianOthersLevel() {
        model.setOwnChannel(0, false);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "Loud"), ch(2, "Mid"), ch(3, "Quiet")));
        average(0, 8);
        average(1, 8);
        average(2, 4);
        average(3, 2);
        model.setFader(0, 90);
        model.autoAdjustAllFaders();
        // target −20·log10(3) dB each; the median (−25 dB) is below it, so everything drops by 25 − 9.54 dB:
        // Loud (0 dB) gets −25 dB → (−25/35 + 1)·100 = 28.6 → 29; Mid gets 0 dB → 100; Quiet +12.5 dB → 100
        assertThat(fader(1)).isEqualTo(29);
        assertThat(fader(2)).isEqualTo(100);
        assertThat(fader(3)).isEqualTo(100);
        assertThat(fader(0)).isEqualTo(90);
        assertThat(model.storedSettings().get("Loud").fader()).isEqualTo(29);
    }

    @Test
    void aSilentMusicianStaysButStillCountsForTheShare() {
        model.setOwnChannel(0, false);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "A"), ch(2, "B"), ch(3, "Silent")));
        average(1, 8);
        average(2, 4);
        average(3, 0);
        model.setFader(3, 55);
        model.autoAdjustAllFaders();
        // three strips share: target −20·log10(3) = −9.54 dB; median of the audible {−25, 0} is 0 dB (the upper one),
        // no offset: A → (−9.54/35 + 1)·100 = 72.7 → 73; B → +15.46 dB → 100
        assertThat(fader(1)).isEqualTo(73);
        assertThat(fader(2)).isEqualTo(100);
        assertThat(fader(3)).isEqualTo(55); // below −40 dB: may just be silent now, left alone
    }

    @Test
    void autoAdjustInGroupModeMovesOnlyGroupedStrips() {
        model.setOwnChannel(0, false);
        model.updateChannels(List.of(ch(0, "Me"), ch(1, "A"), ch(2, "B"), ch(3, "Free")));
        model.setGroup(1, 1);
        model.setGroup(2, 2);
        model.setFader(3, 70);
        average(1, 8);
        average(2, 8);
        average(3, 8);
        model.autoAdjustAllFaders();
        // two groups: −6.02 dB per group, one musician each → 83
        assertThat(fader(1)).isEqualTo(83);
        assertThat(fader(2)).isEqualTo(83);
        assertThat(fader(3)).isEqualTo(70);
    }

    @Test
    void autoAdjustWithOnlyOurOwnStripChangesNothing() {
        model.setOwnChannel(0, false);
        model.updateChannels(List.of(ch(0, "Me")));
        average(0, 8);
        model.setFader(0, 40);
        model.autoAdjustAllFaders();
        assertThat(fader(0)).isEqualTo(40);
    }

    private void average(int id, double meter) {
        model.channel(id).averageLevel = meter;
    }
}
