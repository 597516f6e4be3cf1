package org.tutti.backend.portaudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.testing.DummyJackd;

/** The driver-setup button's rule, and the real PortAudio library of this machine (a build without ASIO). */
class DriverSetupTest {
    @Test
    void onlyAnAsioDeviceWithTheEntryPointOffersIt() {
        assertThat(DriverSetup.offered(HostApiPreference.ASIO, true)).isTrue();
        assertThat(DriverSetup.offered(HostApiPreference.ASIO, false)).as("a build without ASIO").isFalse();
        for (int other : new int[] {HostApiPreference.WASAPI, HostApiPreference.JACK, HostApiPreference.ALSA,
                HostApiPreference.CORE_AUDIO, HostApiPreference.MME}) {
            assertThat(DriverSetup.offered(other, true)).as("host API %d", other).isFalse();
        }
    }

    @Test
    void theLinuxLibraryHasNoAsioSoNoDeviceOffersASetupWindow() throws Exception {
        PortAudioTestSupport.requirePortAudio();
        assertThat(DriverSetup.symbolPresent()).isFalse();
        // an entry point every build has is found the same way, so "absent" is not a failed lookup of everything
        assertThat(PortAudio.optionalFunction("Pa_GetVersion")).isNotNull();
        try (DummyJackd jackd = DummyJackd.start(128)) {
            PortAudioBackendProvider.useJackServer(jackd.name());
            assertThat(DriverSetup.available(null)).isFalse();
            assertThat(DriverSetup.available("JACK Audio Connection Kit: system")).isFalse();
            assertThatThrownBy(() -> DriverSetup.show("JACK Audio Connection Kit: system"))
                    .isInstanceOf(AudioBackendException.class).hasMessageContaining("no driver setup");
        }
    }
}
