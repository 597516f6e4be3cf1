package org.tutti.client.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.engine.ChannelMapping;

/** The four channel-mapping keys in the settings file: defaults, round trip, bad values clamped. */
class ChannelMappingSettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreInputsAndOutputsOneAndTwo() {
        assertThat(new ClientSettings().audio.channelMapping()).isEqualTo(ChannelMapping.DEFAULT);
        assertThat(new SettingsStore(dir.resolve("none.json")).load().settings().audio.channelMapping())
                .isEqualTo(ChannelMapping.DEFAULT);
    }

    @Test
    void aMappingRoundTripsThroughTheFile() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        ClientSettings s = new ClientSettings();
        s.audio.channelMapping(new ChannelMapping(2, 5, 3, 0));
        store.save(s);
        assertThat(Files.readString(store.file())).contains("\"inputLeft\": 2", "\"inputRight\": 5",
                "\"outputLeft\": 3", "\"outputRight\": 0");
        assertThat(store.load().settings().audio.channelMapping()).isEqualTo(new ChannelMapping(2, 5, 3, 0));
    }

    @Test
    void outOfRangeValuesAreClampedOnLoad() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Files.writeString(store.file(), "{\"audio\": {\"inputLeft\": -3, \"inputRight\": 99, \"outputLeft\": 8,"
                + " \"outputRight\": 7}}");
        ClientSettings.Audio a = store.load().settings().audio;
        assertThat(a.channelMapping()).isEqualTo(new ChannelMapping(0, 7, 7, 7));
        assertThat(a.inputLeft).isZero();
        assertThat(a.inputRight).isEqualTo(7);
    }
}
