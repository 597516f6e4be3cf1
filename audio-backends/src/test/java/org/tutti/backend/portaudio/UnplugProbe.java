package org.tutti.backend.portaudio;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;

/**
 * Child process for {@link PortAudioUnplugTest}: runs a PortAudio stream on the JACK server named in args[0], says
 * "running", and after the server disappears reports what the backend said and whether close() returned.
 */
public final class UnplugProbe {
    private UnplugProbe() {
    }

    public static void main(String[] args) throws Exception {
        PortAudioBackendProvider.useJackServer(args[0]);
        CountDownLatch failed = new CountDownLatch(1);
        String[] reason = new String[1];
        AudioCallback cb = new AudioCallback() {
            @Override
            public void process(float[][] in, float[][] out, int frames) {
            }

            @Override
            public void streamFailed(String why) {
                reason[0] = why;
                failed.countDown();
            }
        };
        PortAudioStream s = (PortAudioStream) new PortAudioBackendProvider()
                .open(new AudioRequest("unplug", null, 48_000, 128, true), cb);
        s.start();
        while (s.cycles() < 20) {
            Thread.sleep(20);
        }
        System.out.println("running");
        if (!failed.await(30, TimeUnit.SECONDS)) {
            System.out.println("no failure reported");
            System.exit(3);
        }
        System.out.println("failed: " + reason[0] + "; running=" + s.isRunning());
        s.close();
        System.out.println("closed");
        System.exit(0);
    }
}
