package org.tutti.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.tutti.protocol.AudioCodec;

/** A crowd of {@link AudioTestClient}s playing a tone, for load tests outside this package. */
public final class StreamingClients implements AutoCloseable {
    private final List<AudioTestClient> clients = new ArrayList<>();

    private StreamingClients() {
    }

    /** Connects {@code count} stereo OPUS clients (71 bytes + sequence number) to 127.0.0.1:port, all playing. */
    public static StreamingClients start(int port, int count) {
        StreamingClients crowd = new StreamingClients();
        for (int i = 0; i < count; i++) {
            AudioTestClient c = new AudioTestClient(port, AudioCodec.OPUS, 2, 71, "load" + i);
            c.play(2000, false);
            crowd.clients.add(c);
        }
        return crowd;
    }

    /** True when every client hears a non-silent mix (the loudest of three 300 ms windows). */
    public boolean allHearAudio() throws InterruptedException {
        for (AudioTestClient c : clients) {
            if (c.measureLoudest(300, 3)[0] < 500) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        for (AudioTestClient c : clients) {
            c.close();
        }
    }
}
