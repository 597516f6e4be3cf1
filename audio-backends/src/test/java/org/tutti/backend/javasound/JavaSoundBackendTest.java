package org.tutti.backend.javasound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioRequest;

/** Java Sound on a machine without sound hardware: every path must end in a clear message, never a crash. */
class JavaSoundBackendTest {
    private final JavaSoundBackendProvider provider = new JavaSoundBackendProvider();

    @Test
    void aMissingDeviceIsReportedClearly() {
        AudioRequest request = new AudioRequest("t", "no such mixer 42", 48_000, 128, true);
        assertThatThrownBy(() -> provider.open(request, (in, out, n) -> { }))
                .isInstanceOf(AudioBackendException.class)
                .hasMessageContaining("no such mixer 42");
    }

    @Test
    void availabilityAgreesWithTheDeviceList() {
        assertThat(provider.isAvailable()).isEqualTo(!provider.devices().isEmpty());
        if (!provider.isAvailable()) {
            assertThat(provider.unavailableReason()).contains("48 kHz");
            assertThatThrownBy(() -> provider.open(AudioRequest.of("t", 128), (in, out, n) -> { }))
                    .isInstanceOf(AudioBackendException.class).hasMessageContaining("no sound device");
        }
    }

    @Test
    void refusesOtherSampleRates() {
        AudioRequest request = new AudioRequest("t", null, 44_100, 128, true);
        assertThatThrownBy(() -> provider.open(request, (in, out, n) -> { }))
                .isInstanceOf(AudioBackendException.class);
    }

    @Test
    void clipsSamplesToSixteenBits() {
        assertThat(JavaSoundStream.toShort(2f)).isEqualTo(32767);
        assertThat(JavaSoundStream.toShort(-2f)).isEqualTo(-32768);
        assertThat(JavaSoundStream.toShort(0.5f)).isEqualTo(16383);
    }
}
