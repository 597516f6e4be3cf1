package org.tutti.client.ui.alerts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The alert sounds, synthesised here (no sound files): short sine notes with 5 ms fades so they do not click.
 * A chat message is two notes up a fifth (A5, E6); a musician joining is a rising C-major arpeggio (C5, E5, G5).
 */
public final class AlertTones {
    public static final float SAMPLE_RATE_HZ = 44_100f;
    /** 16-bit signed little-endian mono. */
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE_HZ, 16, 1, true, false);
    private static final double LEVEL = 0.25; // about −12 dBFS: audible, not startling
    private static final int FADE_MS = 5;

    /** What happened. */
    public enum Kind {
        CHAT_MESSAGE(90, 880.0, 1318.5),
        MUSICIAN_JOINED(70, 523.25, 659.25, 783.99);

        final int noteMs;
        final double[] notesHz;

        Kind(int noteMs, double... notesHz) {
            this.noteMs = noteMs;
            this.notesHz = notesHz;
        }

        /** The notes' frequencies, in order. */
        public double[] notesHz() {
            return notesHz.clone();
        }

        public int noteMs() {
            return noteMs;
        }
    }

    private AlertTones() {
    }

    /** The sound as PCM in {@link #FORMAT}. */
    public static byte[] pcm(Kind kind) {
        int noteFrames = Math.round(SAMPLE_RATE_HZ * kind.noteMs / 1000f);
        int fadeFrames = Math.round(SAMPLE_RATE_HZ * FADE_MS / 1000f);
        byte[] out = new byte[noteFrames * kind.notesHz.length * 2];
        int o = 0;
        for (double hz : kind.notesHz) {
            for (int i = 0; i < noteFrames; i++) {
                double fade = Math.min(1.0, Math.min(i, noteFrames - 1 - i) / (double) fadeFrames);
                double v = LEVEL * fade * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE_HZ);
                short s = (short) Math.round(v * Short.MAX_VALUE);
                out[o++] = (byte) s;
                out[o++] = (byte) (s >> 8);
            }
        }
        return out;
    }

    /** The sound as a WAV file's bytes (for players that want a file, and to check the sound is well formed). */
    public static byte[] wav(Kind kind) throws IOException {
        byte[] pcm = pcm(kind);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, pcm.length / 2L),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
