package org.tutti.audio;

/**
 * Event counters of one {@link JitterBuffer}. Plain fields written by the owning thread only; read them
 * from that thread (or publish a copy) — they are not atomics, by design, to keep the hot path cheap.
 */
public final class JitterCounters {
    /** Frames offered to {@code put}. */
    long puts;
    /** Calls of {@code get}. */
    long gets;
    /** {@code get} calls answered with "conceal" (no valid frame for the read position) while streaming. */
    long concealed;
    /** Concealed gets where the buffer held no frame at all (a true underrun). */
    long underruns;
    /** Valid frames thrown away: FIFO full, window moved forward over them, resize truncation, shrink drops. */
    long overruns;
    /** Frames that arrived after their read position had passed. */
    long late;
    /** Frames that arrived beyond the end of the window (the window moved forward). */
    long early;
    /** Frames whose sequence number was already stored. */
    long duplicates;
    /** Frames rejected because their length was 0 or larger than the block size. */
    long invalid;
    /** Gets where adaptive playout held the read position to add one frame of delay. */
    long holds;
    /** Frames skipped by adaptive playout to remove one frame of delay. */
    long skips;

    public long puts() { return puts; }
    public long gets() { return gets; }
    public long concealed() { return concealed; }
    public long underruns() { return underruns; }
    public long overruns() { return overruns; }
    public long late() { return late; }
    public long early() { return early; }
    public long duplicates() { return duplicates; }
    public long invalid() { return invalid; }
    public long holds() { return holds; }
    public long skips() { return skips; }

    /** A copy, for publishing from the owning thread to others. */
    public JitterCounters copy() {
        JitterCounters c = new JitterCounters();
        c.puts = puts;
        c.gets = gets;
        c.concealed = concealed;
        c.underruns = underruns;
        c.overruns = overruns;
        c.late = late;
        c.early = early;
        c.duplicates = duplicates;
        c.invalid = invalid;
        c.holds = holds;
        c.skips = skips;
        return c;
    }

    void reset() {
        puts = gets = concealed = underruns = overruns = late = early = duplicates = invalid = holds = skips = 0;
    }

    @Override
    public String toString() {
        return "puts=" + puts + " gets=" + gets + " concealed=" + concealed + " underruns=" + underruns
                + " overruns=" + overruns + " late=" + late + " early=" + early + " duplicates=" + duplicates
                + " invalid=" + invalid + " holds=" + holds + " skips=" + skips;
    }
}
