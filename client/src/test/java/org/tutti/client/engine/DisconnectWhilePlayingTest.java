package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;

/**
 * Disconnecting frees the codec while the sound card may be in the middle of a cycle: the stream's close must wait
 * for that cycle, or the callback encodes with a closed encoder (found by the fuzzer in CI). The sound card here runs
 * cycles back to back on its own thread while the user connects and disconnects.
 */
class DisconnectWhilePlayingTest {
    @Test
    void theAudioCallbackNeverSeesAFreedCodec() throws Exception {
        AtomicReference<FakeStream> stream = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        FakeBackendProvider provider = new FakeBackendProvider() {
            @Override
            public FakeStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
                FakeStream s = super.open(request, callback);
                stream.set(s);
                return s;
            }
        };
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                ClientEngine engine = new ClientEngine(ClientOptions.defaults(provider, "Cycling"), new ClientListener() { })) {
            Thread soundCard = Thread.ofPlatform().daemon().name("busy-sound-card").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    FakeStream s = stream.get();
                    try {
                        if (s != null) {
                            s.runCycles(1);
                        }
                        Thread.yield(); // lets close() in between cycles, as a real card's period does
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        return;
                    }
                }
            });
            for (int i = 0; i < 400 && failure.get() == null; i++) {
                engine.connect("127.0.0.1:" + server.getLocalPort()).get(5, TimeUnit.SECONDS);
                Thread.sleep(1);
                engine.disconnect().get(5, TimeUnit.SECONDS);
            }
            soundCard.interrupt();
            soundCard.join(2000);
        }
        assertThat(failure.get()).as("the audio callback").isNull();
    }
}
