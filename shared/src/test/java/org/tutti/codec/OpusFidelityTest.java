package org.tutti.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tutti.interop.ToneFidelity;

/**
 * A tone through two codec passes (the sender's client, then the server's mix), as a listener hears another musician,
 * with the encoder settings Jamulus uses. The floor is what the same opus source gives with Jamulus's fix of the
 * encoder's equivalent-rate computation (build-opus-jni.sh); unpatched opus 1.3.1 gave 34.7 dB in mono at normal
 * quality, 2.5-3 dB under Jamulus.
 */
class OpusFidelityTest {
    @ParameterizedTest(name = "{0} samples, {1} channel(s), {2}: at least {3} dB")
    @CsvSource({
        "128, 1, NORMAL, 37.5",
        "128, 2, HIGH, 52.0",
        "64, 1, NORMAL, 32.5",
    })
    void aToneThroughTwoCodecPassesKeepsJamulussSignalToNoise(int frameSamples, int channels, OpusQuality quality,
                                                              double floorDb) {
        int total = 48_000 * 3;
        short[] x = new short[total * channels];
        for (int i = 0; i < total; i++) {
            short v = (short) (32767 * 0.2f * (float) Math.sin(2 * Math.PI * (i % 200) / 200.0)); // 240 Hz
            for (int c = 0; c < channels; c++) {
                x[i * channels + c] = v;
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            x = codecPass(x, frameSamples, channels, quality);
        }
        short[] left = new short[total - 24_000];
        for (int i = 0; i < left.length; i++) {
            left[i] = x[(24_000 + i) * channels];
        }
        ToneFidelity f = ToneFidelity.of(left, 240, 48_000);
        System.out.printf("codec %d/%d/%s: %s%n", frameSamples, channels, quality, f);
        assertThat(f.medianSnrDb()).as(f.toString()).isGreaterThanOrEqualTo(floorDb);
        assertThat(f.dropoutWindows()).isZero();
    }

    private static short[] codecPass(short[] in, int frameSamples, int channels, OpusQuality quality) {
        short[] out = new short[in.length];
        byte[] packet = new byte[1275];
        try (OpusEncoder encoder = new OpusEncoder(frameSamples, channels, quality);
             OpusDecoder decoder = new OpusDecoder(frameSamples, channels)) {
            int step = frameSamples * channels;
            for (int at = 0; at + step <= in.length; at += step) {
                int n = encoder.encode(in, at, packet, 0);
                assertThat(decoder.decode(packet, 0, n, out, at)).isEqualTo(frameSamples);
            }
        }
        return out;
    }
}
