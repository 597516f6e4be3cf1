package org.tutti.client.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class AlertTonesTest {
    @Test
    void eachSoundIsAWellFormedShortWavOfItsNotes() throws Exception {
        for (AlertTones.Kind kind : AlertTones.Kind.values()) {
            byte[] wav = AlertTones.wav(kind);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
                assertThat(in.getFormat().matches(AlertTones.FORMAT)).isTrue();
                byte[] pcm = in.readAllBytes();
                assertThat(pcm).isEqualTo(AlertTones.pcm(kind));
                int noteFrames = Math.round(AlertTones.SAMPLE_RATE_HZ * kind.noteMs() / 1000f);
                assertThat(pcm.length / 2).isEqualTo(noteFrames * kind.notesHz().length);
                assertThat(pcm.length / 2 / AlertTones.SAMPLE_RATE_HZ).isLessThan(0.3f); // short
                double[] hz = kind.notesHz();
                for (int n = 0; n < hz.length; n++) {
                    short[] note = samples(pcm, n * noteFrames, noteFrames);
                    // upward zero crossings count the periods: f · duration
                    assertThat((double) upCrossings(note)).isCloseTo(hz[n] * kind.noteMs() / 1000.0, within(2.0));
                    assertThat(note[0]).isZero(); // faded in and out: no click
                    assertThat(Math.abs(note[noteFrames - 1])).isLessThan(50);
                    assertThat(peak(note)).isBetween(0.2, 0.26);
                }
            }
        }
    }

    private static short[] samples(byte[] pcm, int fromFrame, int frames) {
        short[] s = new short[frames];
        for (int i = 0; i < frames; i++) {
            int b = (fromFrame + i) * 2;
            s[i] = (short) ((pcm[b] & 0xFF) | (pcm[b + 1] << 8));
        }
        return s;
    }

    private static int upCrossings(short[] s) {
        int n = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                n++;
            }
        }
        return n;
    }

    private static double peak(short[] s) {
        int p = 0;
        for (short v : s) {
            p = Math.max(p, Math.abs(v));
        }
        return p / (double) Short.MAX_VALUE;
    }
}
