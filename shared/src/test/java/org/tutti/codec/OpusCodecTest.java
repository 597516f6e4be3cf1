package org.tutti.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpusCodecTest {
    private static final int FRAMES = 200;

    static Stream<Arguments> modes() {
        List<Arguments> all = new ArrayList<>();
        for (int frameSamples : new int[] {64, 128}) {
            for (int channels : new int[] {1, 2}) {
                for (OpusQuality q : OpusQuality.values()) {
                    all.add(Arguments.of(frameSamples, channels, q));
                }
            }
        }
        return all.stream();
    }

    @Test
    void codedSizesAreJamulusConstants() {
        assertThat(OpusQuality.NORMAL.codedBytes(128, 2)).isEqualTo(71);
        assertThat(OpusQuality.HIGH.codedBytes(128, 2)).isEqualTo(165);
        assertThat(OpusQuality.NORMAL.codedBytes(64, 2)).isEqualTo(35);
        assertThat(OpusQuality.HIGH.codedBytes(64, 2)).isEqualTo(73);
        assertThat(OpusQuality.LOW.codedBytes(64, 1)).isEqualTo(12);
        assertThat(OpusQuality.NORMAL.codedBytes(128, 1)).isEqualTo(45);
        assertThat(OpusQuality.ofCodedBytes(128, 1, 82)).isEqualTo(OpusQuality.HIGH);
        assertThat(OpusQuality.ofCodedBytes(128, 1, 83)).isNull();
    }

    @ParameterizedTest(name = "{0} samples, {1} ch, {2}")
    @MethodSource("modes")
    void sineRoundTripsWithSnrFloor(int frameSamples, int channels, OpusQuality quality) {
        int codedBytes = quality.codedBytes(frameSamples, channels);
        short[] in = new short[FRAMES * frameSamples * channels];
        for (int i = 0; i < FRAMES * frameSamples; i++) {
            for (int c = 0; c < channels; c++) {
                // a different tone per channel so that a channel swap would fail the test
                double hz = c == 0 ? 440 : 660;
                in[i * channels + c] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / 48000.0));
            }
        }
        short[] out = new short[in.length];
        byte[] coded = new byte[codedBytes];
        try (OpusEncoder enc = new OpusEncoder(frameSamples, channels, quality);
             OpusDecoder dec = new OpusDecoder(frameSamples, channels)) {
            for (int f = 0; f < FRAMES; f++) {
                int off = f * frameSamples * channels;
                assertThat(enc.encode(in, off, coded, 0)).isEqualTo(codedBytes);
                assertThat(dec.decode(coded, 0, codedBytes, out, off)).isEqualTo(frameSamples);
            }
        }
        double snr = bestSnrDb(in, out, channels);
        double floor = switch (quality) {
            case LOW -> 12;
            case NORMAL -> 18;
            case HIGH -> 24;
        };
        assertThat(snr).as("SNR in dB").isGreaterThan(floor);
    }

    /** SNR over the second half, at the codec delay (searched) that fits best. */
    private static double bestSnrDb(short[] in, short[] out, int channels) {
        int samples = in.length / channels;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag < 400; lag++) {
            double sig = 0;
            double err = 0;
            for (int i = samples / 2; i < samples - lag; i++) {
                for (int c = 0; c < channels; c++) {
                    double x = in[i * channels + c];
                    double y = out[(i + lag) * channels + c];
                    sig += x * x;
                    err += (x - y) * (x - y);
                }
            }
            best = Math.max(best, 10 * Math.log10(sig / Math.max(err, 1e-9)));
        }
        return best;
    }

    @Test
    void garbageNeverCrashesTheDecoder() {
        Random random = new Random(42);
        short[] pcm = new short[128 * 2];
        byte[] data = new byte[2000];
        try (OpusDecoder d128 = new OpusDecoder(128, 2); OpusDecoder d64 = new OpusDecoder(64, 1)) {
            for (int i = 0; i < 20_000; i++) {
                random.nextBytes(data);
                int len = 1 + random.nextInt(i % 10 == 0 ? 2000 : 200);
                int n = (i % 2 == 0 ? d128 : d64).decode(data, 0, len, pcm, 0);
                assertThat(n).isLessThanOrEqualTo(128);
            }
        }
    }

    @Test
    void lostFrameIsConcealedWithAFullFrame() {
        short[] pcm = new short[128 * 2];
        byte[] coded = new byte[71];
        short[] sine = new short[128 * 2];
        for (int i = 0; i < 128; i++) {
            sine[2 * i] = sine[2 * i + 1] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 48000.0));
        }
        try (OpusEncoder enc = new OpusEncoder(128, 2, 71); OpusDecoder dec = new OpusDecoder(128, 2)) {
            for (int f = 0; f < 20; f++) {
                enc.encode(sine, 0, coded, 0);
                dec.decode(coded, 0, coded.length, pcm, 0);
            }
            assertThat(dec.conceal(pcm, 0)).isEqualTo(128);
            assertThat(dec.decode(coded, 0, 0, pcm, 0)).isEqualTo(128);
        }
    }

    @Test
    void closedCodecsRefuseWorkAndCloseTwiceIsHarmless() {
        OpusEncoder enc = new OpusEncoder(64, 1, OpusQuality.NORMAL);
        enc.close();
        enc.close();
        assertThatThrownBy(() -> enc.encode(new short[64], 0, new byte[22], 0)).isInstanceOf(IllegalStateException.class);
        OpusDecoder dec = new OpusDecoder(64, 1);
        dec.close();
        assertThat(dec.conceal(new short[64], 0)).isEqualTo(OpusDecoder.CLOSED);
        assertThat(dec.decode(new byte[22], 0, 22, new short[64], 0)).isEqualTo(OpusDecoder.CLOSED);
    }

    @Test
    void badArgumentsAreRejectedBeforeNativeCode() {
        assertThatThrownBy(() -> new OpusEncoder(96, 1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpusDecoder(128, 3)).isInstanceOf(IllegalArgumentException.class);
        try (OpusEncoder enc = new OpusEncoder(128, 2, 71)) {
            assertThatThrownBy(() -> enc.encode(new short[100], 0, new byte[71], 0))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> enc.encode(new short[256], 0, new byte[70], 0))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
