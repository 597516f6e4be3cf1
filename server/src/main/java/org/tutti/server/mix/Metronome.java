package org.tutti.server.mix;

/**
 * The server's click track, generated in the mix clock: {@link #render} is called once per server frame and counts
 * the samples it wrote, and beat n of a schedule starts exactly at sample {@code round(n × 60 × 48000 / bpm)} after
 * the schedule's start. Positions are recomputed from n each beat (never accumulated), so an hour at any tempo ends
 * on the sample the formula gives.
 *
 * <p>Starting plays one bar of count-in (a lower click on every beat), then bars whose first beat is accented (a
 * higher, louder click). A tempo or metre change while running takes effect at the next beat, which becomes beat 1
 * of a bar (no count-in). Pure and single-threaded: the owner (the engine thread) calls every method; {@link #render}
 * allocates nothing.
 */
public final class Metronome {
    public static final int SAMPLE_RATE = 48000;
    public static final int MIN_BPM = 30;
    public static final int MAX_BPM = 300;
    public static final int MIN_BEATS_PER_BAR = 2;
    public static final int MAX_BEATS_PER_BAR = 12;
    /** 20 ms: long enough to hear the pitch, far shorter than the 200 ms between beats at 300 bpm. */
    static final int CLICK_SAMPLES = 960;

    /** The three sounds, decaying tones that start at full level on the beat's sample (a sharp, exact onset). */
    private static final short[] ACCENT = click(1500, 0.5);
    private static final short[] BEAT = click(1000, 0.35);
    private static final short[] COUNT_IN = click(750, 0.35);

    private int bpm;
    private int beatsPerBar;
    private boolean running;
    /** Samples rendered since this generator was made: the mix clock. */
    private long position;
    /** Where beat 0 of the current schedule is, in {@link #position} samples. */
    private long origin;
    /** The next beat of the current schedule and the sample it starts on. */
    private long nextBeat;
    private long nextBeatAt;
    /** How many beats at the schedule's start are count-in. */
    private int countInBeats;
    private short[] sound = BEAT;
    private int soundAt = CLICK_SAMPLES;

    public Metronome(int bpm, int beatsPerBar) {
        check(bpm, beatsPerBar);
        this.bpm = bpm;
        this.beatsPerBar = beatsPerBar;
    }

    /** Throws IllegalArgumentException unless 30 ≤ bpm ≤ 300 and 2 ≤ beatsPerBar ≤ 12. */
    public static void check(int bpm, int beatsPerBar) {
        if (bpm < MIN_BPM || bpm > MAX_BPM) {
            throw new IllegalArgumentException("bpm must be " + MIN_BPM + ".." + MAX_BPM + ": " + bpm);
        }
        if (beatsPerBar < MIN_BEATS_PER_BAR || beatsPerBar > MAX_BEATS_PER_BAR) {
            throw new IllegalArgumentException("beats per bar must be " + MIN_BEATS_PER_BAR + ".."
                    + MAX_BEATS_PER_BAR + ": " + beatsPerBar);
        }
    }

    /** The sample beat {@code n} starts on, from its schedule's start: round(n × 60 × 48000 / bpm), half up. */
    public static long beatStart(long n, int bpm) {
        long twice = 2 * n * 60 * SAMPLE_RATE;
        return (twice + bpm) / (2L * bpm);
    }

    /** Starts now (at the next rendered sample) with one bar of count-in; does nothing if already running. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        schedule(position, beatsPerBar);
    }

    /** Stops: no further beats (a click already sounding ends normally). */
    public void stop() {
        running = false;
    }

    /** New tempo and metre: at once when stopped, else from the next beat on, which is then beat 1 of a bar. */
    public void set(int newBpm, int newBeatsPerBar) {
        check(newBpm, newBeatsPerBar);
        if (newBpm == bpm && newBeatsPerBar == beatsPerBar) {
            return;
        }
        bpm = newBpm;
        beatsPerBar = newBeatsPerBar;
        if (running) {
            schedule(nextBeatAt, 0);
        }
    }

    /** Writes the next {@code frames} mono samples of the click track into {@code out}. */
    public void render(short[] out, int frames) {
        for (int i = 0; i < frames; i++) {
            if (running && position == nextBeatAt) {
                sound = soundOf(nextBeat);
                soundAt = 0;
                nextBeat++;
                nextBeatAt = origin + beatStart(nextBeat, bpm);
            }
            out[i] = soundAt < CLICK_SAMPLES ? sound[soundAt++] : 0;
            position++;
        }
    }

    public int bpm() {
        return bpm;
    }

    public int beatsPerBar() {
        return beatsPerBar;
    }

    public boolean running() {
        return running;
    }

    /** Samples rendered so far. */
    public long position() {
        return position;
    }

    private void schedule(long at, int countIn) {
        origin = at;
        nextBeat = 0;
        nextBeatAt = at;
        countInBeats = countIn;
    }

    private short[] soundOf(long beat) {
        if (beat < countInBeats) {
            return COUNT_IN;
        }
        return (beat - countInBeats) % beatsPerBar == 0 ? ACCENT : BEAT;
    }

    /** 0 accent, 1 plain beat, 2 count-in: which sound {@code pcm} holds from {@code at} on, or -1 (for tests). */
    static int soundKind(short[] pcm, int at) {
        short[][] sounds = {ACCENT, BEAT, COUNT_IN};
        for (int k = 0; k < sounds.length; k++) {
            if (java.util.Arrays.equals(pcm, at, at + 16, sounds[k], 0, 16)) {
                return k;
            }
        }
        return -1;
    }

    private static short[] click(double hz, double level) {
        short[] s = new short[CLICK_SAMPLES];
        double decaySamples = CLICK_SAMPLES / 5.0;
        for (int t = 0; t < CLICK_SAMPLES; t++) {
            double v = level * Math.exp(-t / decaySamples) * Math.cos(2 * Math.PI * hz * t / SAMPLE_RATE);
            // Never exactly 0 inside a click: a test finds onsets as the first non-zero sample after silence.
            long q = Math.round(v * Short.MAX_VALUE);
            s[t] = (short) (q == 0 ? (v < 0 ? -1 : 1) : q);
        }
        return s;
    }
}
