package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;
import org.tutti.codec.OpusQuality;

/**
 * Jamulus's input reverb: its network exactly (delays, dry/wet law, the side it acts on, the T60 decay), and on the
 * client's audio path with a click through the codec and an echoing "server".
 */
class ReverbTest {
    private static final int RATE = 48_000;

    @Test
    void delaysAreJamulussPrimesAt48kHz() {
        // floor(len × 48000/44100) in float, made odd, then the next odd prime: what Jamulus's Init computes
        // (e.g. 1617 → 1760 → 1761 = 3 · 587, 1763 = 41 · 43, … → 1777)
        assertThat(Reverb.scaledLengths(RATE)).containsExactly(1217, 1481, 1549, 1777, 251, 373, 487, 229, 197);
        assertThat(Reverb.scaledLengths(44_100)).containsExactly(1116, 1356, 1422, 1617, 225, 341, 441, 211, 179);
    }

    @Test
    void aClickIsDryAtOnceAndWetAfterTheOutputDelayOnTheChosenSideOnly() {
        Reverb reverb = new Reverb(RATE);
        float a = 100 / 100f / 4; // level 100
        short[] left = new short[400];
        short[] right = new short[400];
        for (int t = 0; t < left.length; t++) {
            short in = t == 0 ? (short) 10_000 : 0;
            reverb.process(in, in, false, true, a);
            left[t] = reverb.left;
            right[t] = reverb.right;
        }
        assertThat(left[0]).isEqualTo((short) 7_500); // (1 − a) · dry, the wet line still empty
        int delay = Reverb.scaledLengths(RATE)[7]; // the left output line, 229 samples
        for (int t = 1; t < delay - 1; t++) {
            assertThat(left[t]).as("t=%d: nothing before the left output delay", t).isZero();
        }
        assertThat(left[delay - 1]).as("the wet signal after the output line").isNotZero();
        assertThat(right[0]).as("mono, reverb on the left: the right input passes untouched").isEqualTo((short) 10_000);
        for (int t = 1; t < right.length; t++) {
            assertThat(right[t]).isZero();
        }
    }

    @Test
    void inStereoBothSidesGetTheReverbOfTheirAverage() {
        Reverb reverb = new Reverb(RATE);
        short[] l = new short[300];
        short[] r = new short[300];
        for (int t = 0; t < l.length; t++) {
            reverb.process(t == 0 ? (short) 8_000 : 0, t == 0 ? (short) -8_000 : 0, true, true, 0.25f);
            l[t] = reverb.left;
            r[t] = reverb.right;
        }
        assertThat(l[0]).isEqualTo((short) 6_000);
        assertThat(r[0]).isEqualTo((short) -6_000);
        for (int t = 1; t < l.length; t++) { // the average of +8000 and −8000 is silence: no wet signal
            assertThat(l[t]).isZero();
            assertThat(r[t]).isZero();
        }
    }

    @Test
    void theTailDecaysBySixtyDecibelsInAboutOnePointOneSeconds() {
        Reverb reverb = new Reverb(RATE);
        float[] out = new float[3 * RATE];
        for (int t = 0; t < out.length; t++) {
            reverb.process(t < 480 ? (short) (16_000 * Math.sin(t * 0.3)) : 0, (short) 0, false, true, 1f);
            out[t] = reverb.left; // attenuation 1: wet only, so the tail is the reverb's own
        }
        double early = rms(out, RATE / 10, RATE / 5);
        double atT60 = rms(out, RATE / 10 + (int) (1.1 * RATE), RATE / 5 + (int) (1.1 * RATE));
        double db = 20 * Math.log10(atT60 / early);
        assertThat(db).as("decay over 1.1 s").isBetween(-70.0, -50.0);
    }

    @Test
    void onTheAudioPathAClickComesBackFromTheServerWithATail() {
        double off = tailEnergy(0);
        double on = tailEnergy(100);
        assertThat(on).as("tail energy with reverb %s, without %s", on, off).isGreaterThan(100 * Math.max(off, 1e-9));
    }

    /** Energy 100–600 ms after a click, heard back through Opus and an echoing server, at a reverb level. */
    private static double tailEnergy(int level) {
        StreamConfig config = StreamConfig.choose(128, false, OpusQuality.HIGH, ChannelMode.MONO);
        PacketRing ring = new PacketRing(64);
        ClientAudioCycle path = new ClientAudioCycle(config, ring, (data, length) -> ring.offer(data, 0, length), 2);
        path.reverbLevel = level;
        FakeStream stream = FakeBackendProvider.openFake(128, path);
        long clickAt = 20 * 128L;
        stream.setInput((in, frames, index) -> {
            for (int i = 0; i < frames; i++) {
                long t = index + i;
                in[0][i] = t >= clickAt && t < clickAt + 48 ? 0.8f : 0f; // a 1-ms click on input 1
            }
        });
        stream.start();
        double energy = 0;
        for (int c = 0; c < 300; c++) {
            stream.runCycles(1);
            long end = (c + 1) * 128L;
            if (end > clickAt + RATE / 10 && end <= clickAt + 6 * RATE / 10) {
                for (float v : stream.lastOutput(0)) {
                    energy += v * v;
                }
            }
        }
        path.close();
        return energy;
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * (double) x[i];
        }
        return Math.sqrt(s / (to - from));
    }
}
