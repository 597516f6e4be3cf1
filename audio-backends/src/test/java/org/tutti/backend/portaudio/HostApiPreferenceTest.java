package org.tutti.backend.portaudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.backend.portaudio.Inventory.Device;
import org.tutti.backend.portaudio.Inventory.HostApi;

/** Which device PortAudio opens by default on each platform, and how names are matched. */
class HostApiPreferenceTest {
    // A Windows machine as PortAudio lists it: MME first, ASIO last (PortAudio's own order).
    private static final HostApi MME = new HostApi(0, HostApiPreference.MME, "MME", 1, 0);
    private static final HostApi WASAPI = new HostApi(1, HostApiPreference.WASAPI, "Windows WASAPI", 3, 2);
    private static final HostApi ASIO = new HostApi(2, HostApiPreference.ASIO, "ASIO", 4, 4);
    private static final Inventory WINDOWS = new Inventory(List.of(MME, WASAPI, ASIO), List.of(
            new Device(0, "Speakers", MME, 0, 2, 0, 0.09, 44_100),
            new Device(1, "Microphone", MME, 2, 0, 0.09, 0, 44_100),
            new Device(2, "Speakers", WASAPI, 0, 2, 0, 0.003, 48_000),
            new Device(3, "Microphone", WASAPI, 1, 0, 0.003, 0, 48_000),
            new Device(4, "Focusrite USB ASIO", ASIO, 2, 2, 0.002, 0.002, 48_000)));

    private static final HostApi ALSA = new HostApi(0, HostApiPreference.ALSA, "ALSA", 0, 0);
    private static final HostApi JACK = new HostApi(1, HostApiPreference.JACK, "JACK Audio Connection Kit", 1, 1);
    private static final Inventory LINUX = new Inventory(List.of(ALSA, JACK), List.of(
            new Device(0, "default", ALSA, 2, 2, 0.01, 0.01, 44_100),
            new Device(1, "system", JACK, 2, 2, 0.003, 0.003, 48_000)));

    @Test
    void windowsPrefersAsioThenWasapiThenTheRest() {
        assertThat(HostApiPreference.playbackDevices(WINDOWS, "Windows 11")).extracting(Device::qualifiedName)
                .containsExactly("ASIO: Focusrite USB ASIO", "Windows WASAPI: Speakers", "MME: Speakers");
        HostApiPreference.Choice c = HostApiPreference.choose(WINDOWS, null, "Windows 11").orElseThrow();
        assertThat(c.output().name()).isEqualTo("Focusrite USB ASIO");
        assertThat(c.input()).isSameAs(c.output());
    }

    @Test
    void aPlaybackOnlyDeviceTakesItsHostApisDefaultInput() {
        HostApiPreference.Choice c = HostApiPreference.choose(WINDOWS, "Windows WASAPI: Speakers", "Windows 10")
                .orElseThrow();
        assertThat(c.output().index()).isEqualTo(2);
        assertThat(c.input().qualifiedName()).isEqualTo("Windows WASAPI: Microphone");
        // the bare device name picks the best host API that has it
        assertThat(HostApiPreference.choose(WINDOWS, "speakers", "Windows 10").orElseThrow().output().hostApi())
                .isEqualTo(WASAPI);
        assertThat(HostApiPreference.choose(WINDOWS, "no such", "Windows 10")).isEmpty();
    }

    @Test
    void linuxPrefersJackThenAlsaAndMacOsCoreAudio() {
        assertThat(HostApiPreference.choose(LINUX, null, "Linux").orElseThrow().output().qualifiedName())
                .isEqualTo("JACK Audio Connection Kit: system");
        assertThat(HostApiPreference.order("Mac OS X")).containsExactly(HostApiPreference.CORE_AUDIO);
        assertThat(HostApiPreference.choose(LINUX, "default", "Linux").orElseThrow().output().hostApi())
                .isEqualTo(ALSA);
    }
}
