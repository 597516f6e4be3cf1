package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.model.MixerChannel;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;
import org.tutti.testing.Await;

/**
 * Feedback protection on the audio path, against the real Jamulus 3.9.1 server: a tone near full scale on the
 * inputs in the first seconds of a connection mutes us (Mute Myself and our own strip) once; a normal level does
 * not, and neither does a loud tone that starts after the guard's three seconds.
 */
class FeedbackProtectionJackTest {
    @TempDir
    Path dir;

    @Test
    void aLoudInputJustAfterConnectingMutesUsOnce() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 10)) {
            AtomicInteger trips = new AtomicInteger();
            try (AudioStream loud = JackTone.generator(jack.serverName(), "howl", 0.9f);
                 ClientEngine engine = engine(jack, "Loud", trips)) {
                engine.setFeedbackProtection(true);
                engine.setSoundCheck(true); // the ports exist before connecting, so the tone is there from the start
                Await.until("ports", () -> jack.describePorts().contains("Loud:input left"));
                jack.connect("howl:output left", "Loud:input left");
                jack.connect("howl:output right", "Loud:input right");
                engine.connect("127.0.0.1:" + server.udpPort()).get(15, TimeUnit.SECONDS);
                Await.until("feedback detected", () -> trips.get() == 1);
                assertThat(engine.muteMyself()).isTrue();
                Await.until("own strip muted", () -> engine.channels().join().stream()
                        .filter(c -> c.channelId() == ownId(engine)).anyMatch(MixerChannel::mute));
                assertThat(Await.holdsWithin(Duration.ofSeconds(1), () -> trips.get() > 1)).as("a second trip").isFalse();
            }
        }
    }

    @Test
    void aNormalLevelOrALateLoudToneDoesNotTrip() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 10)) {
            AtomicInteger trips = new AtomicInteger();
            try (AudioStream normal = JackTone.generator(jack.serverName(), "voice", 0.3f);
                 ClientEngine engine = engine(jack, "Calm", trips)) {
                engine.setFeedbackProtection(true);
                engine.setSoundCheck(true);
                Await.until("ports", () -> jack.describePorts().contains("Calm:input left"));
                jack.connect("voice:output left", "Calm:input left");
                engine.connect("127.0.0.1:" + server.udpPort()).get(15, TimeUnit.SECONDS);
                Await.until("input heard", () -> engine.inputPeakLeft() > 0.2f);
                assertThat(Await.holdsWithin(Duration.ofSeconds(4), () -> trips.get() > 0)).as("a normal level trips").isFalse();
                try (AudioStream loud = JackTone.generator(jack.serverName(), "late", 0.9f)) {
                    jack.connect("late:output left", "Calm:input right");
                    Await.until("the loud tone arrives", () -> engine.inputPeakRight() > 0.8f);
                    assertThat(Await.holdsWithin(Duration.ofSeconds(1), () -> trips.get() > 0)).as("a late tone trips").isFalse();
                }
                assertThat(engine.muteMyself()).isFalse();
            }
        }
    }

    private static int ownId(ClientEngine engine) {
        return engine.status().channelId();
    }

    private static ClientEngine engine(DummyJack jack, String name, AtomicInteger trips) {
        ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), name)
                .withAudio(jack.serverName(), 128, false);
        return new ClientEngine(options, new ClientListener() {
            @Override
            public void feedbackDetected() {
                trips.incrementAndGet();
            }
        });
    }
}
