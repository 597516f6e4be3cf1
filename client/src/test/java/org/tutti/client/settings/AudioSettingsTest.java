package org.tutti.client.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tutti.client.engine.ChannelMode;
import org.tutti.codec.OpusQuality;

class AudioSettingsTest {
    @Test
    void qualityAndChannelsParseCaseInsensitivelyWithDefaultsForAnythingElse() {
        ClientSettings.Audio audio = new ClientSettings.Audio();
        audio.quality = "high";
        audio.channels = "Stereo";
        assertThat(audio.opusQuality()).isEqualTo(OpusQuality.HIGH);
        assertThat(audio.channelMode()).isEqualTo(ChannelMode.STEREO);
        audio.quality = "ultra";
        audio.channels = null;
        assertThat(audio.opusQuality()).isEqualTo(OpusQuality.NORMAL);
        assertThat(audio.channelMode()).isEqualTo(ChannelMode.MONO);
    }
}
