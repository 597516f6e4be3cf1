package org.tutti.backend.resample;

import java.util.Arrays;
import org.tutti.backend.AudioCallback;

/**
 * Runs an application callback at its own rate and cycle length (48 kHz, e.g. 128 frames) inside a device's duplex
 * callback at another rate (e.g. 44.1 kHz, 118 frames). Capture is resampled up into a FIFO; each full application
 * cycle is processed at once and its output resampled down into a second FIFO, primed with one application cycle of
 * silence so the device never runs dry. No allocation after construction.
 */
public final class DuplexRateAdapter {
    private final AudioCallback app;
    private final int appFrames;
    private final int inputs;
    private final int outputs;
    private final PolyphaseResampler[] capture;
    private final PolyphaseResampler[] playback;
    private final float[][] captureFifo;
    private final float[][] playbackFifo;
    private final float[][] appIn;
    private final float[][] appOut;
    private final int primeFrames;
    private final double delaySeconds;
    private int captureFill;
    private int playbackFill;
    private long underruns;
    private long overflows;

    /**
     * @param maxDeviceFrames the largest device cycle the caller will pass to {@link #process}
     */
    public DuplexRateAdapter(int deviceRate, int appRate, int appFrames, int maxDeviceFrames, int channels,
                             AudioCallback app) {
        this(deviceRate, appRate, appFrames, maxDeviceFrames, channels, channels, app);
    }

    /** An adapter for {@code inputs} capture and {@code outputs} playback channels (each at least one). */
    public DuplexRateAdapter(int deviceRate, int appRate, int appFrames, int maxDeviceFrames, int inputs, int outputs,
                             AudioCallback app) {
        this.app = app;
        this.appFrames = appFrames;
        this.inputs = inputs;
        this.outputs = outputs;
        capture = new PolyphaseResampler[inputs];
        playback = new PolyphaseResampler[outputs];
        captureFifo = new float[inputs][];
        playbackFifo = new float[outputs][];
        appIn = new float[inputs][appFrames];
        appOut = new float[outputs][appFrames];
        // one application cycle at the device rate, rounded up, plus the resampler's granularity
        primeFrames = (int) Math.ceil((double) appFrames * deviceRate / appRate) + 2;
        for (int c = 0; c < inputs; c++) {
            capture[c] = new PolyphaseResampler(deviceRate, appRate);
            captureFifo[c] = new float[appFrames + capture[c].maxOutput(maxDeviceFrames)];
        }
        for (int c = 0; c < outputs; c++) {
            playback[c] = new PolyphaseResampler(appRate, deviceRate);
            playbackFifo[c] = new float[primeFrames + maxDeviceFrames + 2 * playback[c].maxOutput(appFrames)];
        }
        playbackFill = primeFrames;
        delaySeconds = capture[0].delaySeconds() + playback[0].delaySeconds() + (double) primeFrames / deviceRate;
    }

    /** One device cycle of {@code frames}: {@code deviceIn} is read, {@code deviceOut} is written in full. */
    public void process(float[][] deviceIn, float[][] deviceOut, int frames) {
        int produced = 0;
        for (int c = 0; c < inputs; c++) {
            produced = capture[c].process(deviceIn[c], 0, frames, captureFifo[c], captureFill);
        }
        captureFill += produced;
        while (captureFill >= appFrames) {
            for (int c = 0; c < inputs; c++) {
                System.arraycopy(captureFifo[c], 0, appIn[c], 0, appFrames);
                System.arraycopy(captureFifo[c], appFrames, captureFifo[c], 0, captureFill - appFrames);
            }
            for (float[] channel : appOut) {
                Arrays.fill(channel, 0f);
            }
            captureFill -= appFrames;
            app.process(appIn, appOut, appFrames);
            if (playbackFill + playback[0].maxOutput(appFrames) > playbackFifo[0].length) {
                overflows++; // cannot happen with a steady device; dropping keeps the FIFO bounded
                continue;
            }
            int got = 0;
            for (int c = 0; c < outputs; c++) {
                got = playback[c].process(appOut[c], 0, appFrames, playbackFifo[c], playbackFill);
            }
            playbackFill += got;
        }
        int take = Math.min(frames, playbackFill);
        if (take < frames) {
            underruns++;
        }
        for (int c = 0; c < outputs; c++) {
            System.arraycopy(playbackFifo[c], 0, deviceOut[c], 0, take);
            Arrays.fill(deviceOut[c], take, frames, 0f);
            System.arraycopy(playbackFifo[c], take, playbackFifo[c], 0, playbackFill - take);
        }
        playbackFill -= take;
    }

    /** Device cycles that found too little output (only possible with irregular device cycles). */
    public long underruns() {
        return underruns;
    }

    public long overflows() {
        return overflows;
    }

    /** Delay from device input to device output that the adapter adds (both resamplers and the priming). */
    public double delaySeconds() {
        return delaySeconds;
    }

    /** Frames of silence the playback FIFO starts with, at the device rate. */
    public int primeFrames() {
        return primeFrames;
    }
}
