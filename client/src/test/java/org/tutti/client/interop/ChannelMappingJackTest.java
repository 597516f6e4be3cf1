package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.testing.DummyJackd;
import org.tutti.client.engine.ChannelMapping;
import org.tutti.client.engine.ChannelMode;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.codec.OpusQuality;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;
import org.tutti.testing.Await;

/**
 * Channel mapping on a real (dummy-driver) jackd with the real Jamulus 3.9.1 server: with "input 3" as the left
 * input, a loud tone on that port is what the server mixes back to us and a quieter tone on "input left" is not
 * heard; the left side plays on "output 3" and "output left" stays silent. Chosen while connected, the stream is
 * reopened with the third ports; switching back to inputs 1/2 takes effect without reopening them.
 */
class ChannelMappingJackTest {
    private static final float MAPPED_TONE = 0.5f;
    private static final float UNMAPPED_TONE = 0.2f;

    @TempDir
    Path dir;

    @Test
    void inputThreeAsLeftReachesTheServerAndInputOneDoesNot() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJackd jackd = DummyJackd.start(128);
             JamulusServer server = JamulusServer.start(dir, 10)) {
            ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), "MapBot")
                    .withAudio(jackd.name(), 128, false)
                    .withStream(OpusQuality.HIGH, ChannelMode.STEREO, false);
            try (AudioStream loud = JackTone.generator(jackd.name(), "loud", MAPPED_TONE);
                 AudioStream quiet = JackTone.generator(jackd.name(), "quiet", UNMAPPED_TONE);
                 JackTone.PeakMeter third = JackTone.meter(jackd.name(), "third");
                 JackTone.PeakMeter first = JackTone.meter(jackd.name(), "first");
                 ClientEngine tutti = new ClientEngine(options, new ClientListener() { })) {
                tutti.connect("127.0.0.1:" + server.udpPort()).get(10, TimeUnit.SECONDS);
                assertThat(jackd.run("jack_lsp")).contains("MapBot:input right").doesNotContain("MapBot:input 3");
                // chosen while connected: the stream is reopened with a third port each way, the connection goes on
                tutti.setChannelMapping(new ChannelMapping(2, 1, 2, 1));
                Await.until("the third ports", Duration.ofSeconds(10), () -> run(jackd).contains("MapBot:input 3"));
                assertThat(jackd.run("jack_lsp")).contains("MapBot:output 3").doesNotContain("MapBot:input 4");
                jackd.run("jack_connect", "loud:output left", "MapBot:input 3");
                jackd.run("jack_connect", "quiet:output left", "MapBot:input left");
                jackd.run("jack_connect", "MapBot:output 3", "third:input left");
                jackd.run("jack_connect", "MapBot:output left", "first:input left");

                Await.until("the mapped tone back from the server", Duration.ofSeconds(15),
                        () -> tutti.status().outputPeak() > 0.45f);
                assertThat(tutti.channelMappingFellBack()).isFalse();
                assertThat(tutti.status().inputPeakLeft()).as("left meter: input 3")
                        .isCloseTo(MAPPED_TONE, org.assertj.core.data.Offset.offset(0.02f));
                assertThat(tutti.status().inputPeakRight()).as("right meter: input right, unconnected").isZero();
                Await.until("the server's mix on output 3", Duration.ofSeconds(5), () -> third.peak() > 0.45f);
                assertThat(first.peak()).as("output left is not mapped").isZero();
                assertThat(tutti.status().outputPeak()).as("the unmapped tone is not in the mix")
                        .isLessThan(MAPPED_TONE + 0.08f);

                // back to inputs and outputs 1/2 while connected: the ports stay, input left is heard now
                tutti.setChannelMapping(ChannelMapping.DEFAULT);
                Await.until("the left meter follows input left", Duration.ofSeconds(5),
                        () -> Math.abs(tutti.status().inputPeakLeft() - UNMAPPED_TONE) < 0.02f);
                Await.until("the quieter tone in the server's mix", Duration.ofSeconds(10),
                        () -> tutti.status().outputPeak() < UNMAPPED_TONE + 0.05f
                                && tutti.status().outputPeak() > UNMAPPED_TONE - 0.05f);
                Await.until("output left plays", Duration.ofSeconds(5), () -> first.peak() > 0.15f);
                Await.until("output 3 is silent", Duration.ofSeconds(5), () -> third.peak() == 0f);
                assertThat(jackd.run("jack_lsp")).contains("MapBot:input 3");
            }
        }
    }

    /** PortAudio on its JACK host API: a four-port card grants input 3; a two-port card falls back to 1/2. */
    @Test
    void portAudioOpensTheCardsChannelsOrFallsBackWhereItHasTooFew() throws Exception {
        Peers.require(Peers.JACKD);
        org.tutti.backend.portaudio.PortAudioBackendProvider pa = new org.tutti.backend.portaudio.PortAudioBackendProvider();
        for (int ports : new int[] {4, 2}) {
            try (DummyJackd jackd = DummyJackd.start(128, 48_000, ports, ports)) {
                org.tutti.backend.portaudio.PortAudioBackendProvider.useJackServer(jackd.name());
                if (!"true".equals(System.getenv("CI"))) {
                    org.junit.jupiter.api.Assumptions.assumeTrue(pa.isAvailable(), pa.unavailableReason());
                }
                ClientOptions options = ClientOptions.defaults(pa, "PaMap" + ports).withAudio("system", 128, true);
                try (AudioStream tone = JackTone.generator(jackd.name(), "tone", MAPPED_TONE);
                     ClientEngine tutti = new ClientEngine(options, new ClientListener() { })) {
                    tutti.setChannelMapping(new ChannelMapping(2, 1, 0, 1));
                    tutti.setSoundCheck(true);
                    String client = "PaMap" + ports;
                    Await.until("PortAudio's ports", Duration.ofSeconds(10),
                            () -> run(jackd).contains(client + ":in_1"));
                    if (ports == 4) {
                        assertThat(run(jackd)).contains(client + ":in_3", client + ":out_3");
                        jackd.run("jack_connect", "tone:output left", client + ":in_2");
                        Await.until("the left meter follows in_2", Duration.ofSeconds(10),
                                () -> tutti.inputPeakLeft() > MAPPED_TONE - 0.02f);
                        assertThat(tutti.channelMappingFellBack()).isFalse();
                    } else {
                        jackd.run("jack_connect", "tone:output left", client + ":in_0");
                        Await.until("inputs 1/2 instead: the left meter follows in_0", Duration.ofSeconds(10),
                                () -> tutti.inputPeakLeft() > MAPPED_TONE - 0.02f);
                        assertThat(tutti.channelMappingFellBack()).isTrue();
                    }
                }
            }
        }
    }

    private static String run(DummyJackd jackd) {
        try {
            return jackd.run("jack_lsp");
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
