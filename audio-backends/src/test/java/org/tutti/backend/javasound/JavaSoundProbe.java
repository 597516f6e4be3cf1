package org.tutti.backend.javasound;

import org.tutti.backend.AudioDevice;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;

/**
 * Run in a child JVM (its HOME holds an .asoundrc): lists the Java Sound devices, then plays a 440 Hz tone through the
 * default one for the given number of milliseconds and prints the cycles done.
 */
public final class JavaSoundProbe {
    private JavaSoundProbe() {
    }

    public static void main(String[] args) throws Exception {
        JavaSoundBackendProvider provider = new JavaSoundBackendProvider();
        for (AudioDevice d : provider.devices()) {
            System.out.println("device: " + d.name() + " in=" + d.inputChannels() + " out=" + d.outputChannels());
        }
        double[] phase = new double[1];
        try (AudioStream s = provider.open(new AudioRequest("probe", null, 48_000, 256, false), (in, out, frames) -> {
            for (int i = 0; i < frames; i++) {
                float v = (float) (0.5 * Math.sin(phase[0]));
                phase[0] += 2 * Math.PI * 440 / 48_000;
                out[0][i] = v;
                out[1][i] = v;
            }
        })) {
            System.out.println("format: " + s.format());
            s.start();
            Thread.sleep(Long.parseLong(args[0]));
            System.out.println("cycles: " + s.cycles());
        }
    }
}
