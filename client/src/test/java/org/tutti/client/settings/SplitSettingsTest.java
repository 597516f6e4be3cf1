package org.tutti.client.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.engine.ChannelMode;
import org.tutti.client.engine.SplitBandwidth;
import org.tutti.client.engine.SplitChannel;
import org.tutti.codec.OpusQuality;

/** The split as the settings file keeps it, what the engine gets from it, and what it costs. */
class SplitSettingsTest {
    @TempDir
    Path dir;

    @Test
    void survivesTheSettingsFileAndGivesTheEngineTheChannelsInUse() throws Exception {
        ClientSettings s = new ClientSettings();
        s.split.channels = 3;
        s.split.extra = new ArrayList<>(List.of(new SplitSettings.Extra("Voice", 10, 3, 0),
                new SplitSettings.Extra("", 6, 4, 5), new SplitSettings.Extra("Spare", 1, 6, 0)));
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(s);
        ClientSettings back = store.load().settings();

        List<SplitChannel> engine = back.split.engineChannels("Ana");
        assertThat(engine).containsExactly(new SplitChannel("Voice", 10, 2, -1), new SplitChannel("Ana 3", 6, 3, 4));
        assertThat(engine.get(1).inputsNeeded()).isEqualTo(5);
        assertThat(back.split.extra).hasSize(3); // the unused third row is kept for a later increase
    }

    @Test
    void aHandEditedFileIsClampedNotFatal() {
        SplitSettings s = new SplitSettings();
        s.channels = 9;
        s.extra = new ArrayList<>(List.of(new SplitSettings.Extra(null, -4, 99, 3),
                new SplitSettings.Extra("x", 0, 0, -7)));
        s.extra.add(null);
        assertThat(s.engineChannels("")).containsExactly(new SplitChannel("Tutti 2", 0, 7, 2),
                new SplitChannel("x", 0, 0, -1));
        s.channels = 1;
        assertThat(s.engineChannels("Ana")).isEmpty();
    }

    @Test
    void eachChannelCostsAFullStreamBothWays() {
        List<SplitChannel> extra = List.of(new SplitChannel("Voice", 10, 2, -1), new SplitChannel("Keys", 6, 3, 4));
        SplitBandwidth b = SplitBandwidth.of(128, true, OpusQuality.NORMAL, ChannelMode.MONO, extra);
        // docs/bandwidth.md: mono normal 128 samples 222 kbit/s, stereo normal 300
        assertThat(b.channelKbps()).containsExactly(222, 222, 300);
        assertThat(b.totalKbps()).isEqualTo(744);
        assertThat(SplitBandwidth.of(64, true, OpusQuality.HIGH, ChannelMode.STEREO, List.of()).totalKbps())
                .isEqualTo(612);
    }
}
