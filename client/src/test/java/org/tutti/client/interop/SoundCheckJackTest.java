package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.interop.DummyJack;
import org.tutti.interop.Peers;

/**
 * The sound check on a real (dummy-driver) jackd and no server at all: a 440 Hz tone wired to the client's inputs
 * moves its meters, and comes back on its outputs at the level the input law gives (mono, centred balance: the mean
 * of both inputs, here the tone itself) only while "hear myself" is on.
 */
class SoundCheckJackTest {
    private static final float TONE = 0.25f;

    @TempDir
    Path dir;

    @Test
    void aToneOnTheInputComesBackOnTheOutputWithNoServer() throws Exception {
        Peers.require(Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir)) {
            String server = jack.serverName();
            ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), "Check")
                    .withAudio(server, 128, false);
            try (AudioStream tone = JackTone.generator(server, "tone", TONE);
                 JackTone.PeakMeter ear = JackTone.meter(server, "ear");
                 ClientEngine engine = new ClientEngine(options, new ClientListener() { })) {
                engine.setSoundCheck(true);
                await(() -> jack.describePorts().contains("Check:input left"), "the sound check opened JACK");
                jack.connect("tone:output left", "Check:input left");
                jack.connect("tone:output right", "Check:input right");
                jack.connect("Check:output left", "ear:input left");
                jack.connect("Check:output right", "ear:input right");

                await(() -> engine.inputPeakLeft() > 0.2f && engine.inputPeakRight() > 0.2f, "meters follow the tone");
                assertThat(engine.status().connected()).isFalse();
                assertThat(loudest(ear, Duration.ofMillis(500))).as("hear myself off: silence").isZero();

                engine.setHearMyself(true);
                await(() -> ear.peak() > 0.2f, "the tone comes back");
                assertThat(loudest(ear, Duration.ofMillis(500))).as("at the tone's level").isCloseTo(TONE,
                        org.assertj.core.data.Offset.offset(0.01f));

                engine.setHearMyself(false);
                await(() -> ear.peak() == 0f, "silence again");
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** The highest 100 ms peak the meter reports over {@code span}. */
    private static float loudest(JackTone.PeakMeter ear, Duration span) {
        float max = 0f;
        long end = System.nanoTime() + span.toNanos();
        while (System.nanoTime() < end) {
            max = Math.max(max, ear.peak());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return max;
    }
}
