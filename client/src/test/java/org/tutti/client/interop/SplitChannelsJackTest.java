package org.tutti.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.backend.AudioStream;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.engine.SplitChannel;
import org.tutti.client.model.MixerChannel;
import org.tutti.interop.DummyJack;
import org.tutti.interop.Peers;
import org.tutti.protocol.ChannelInfo;
import org.tutti.testing.Await;

/**
 * Several inputs as separate channels, against the real Jamulus 3.9.1 server (and Tutti's): a client whose "input
 * left" carries a loud tone and whose "input 3" a quiet one, split into two channels, is two musicians on the
 * server, each with its name and instrument, and the server's level list puts the loud tone on the main channel
 * and the quiet one on the extra channel. A home recording meanwhile has a track per channel with its own tone.
 * Changing the split while connected replaces the extra channel at once. Leaving removes both.
 */
class SplitChannelsJackTest {
    private static final int MAIN_INSTRUMENT = 4;
    private static final int EXTRA_INSTRUMENT = 11;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ServerPeer.Kind.class)
    void aTwoInputClientIsTwoChannelsWithTheirNamesAndLevels(ServerPeer.Kind kind) throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             ServerPeer server = kind.start(dir);
             AudioStream loud = JackTone.generator(jack.serverName(), "loud", 0.6f);
             AudioStream quiet = JackTone.generator(jack.serverName(), "quiet", 0.03f, 660)) {
            ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), "Guitar")
                    .withAudio(jack.serverName(), 128, false);
            try (ClientEngine tutti = new ClientEngine(options, new ClientListener() { })) {
                tutti.updateProfile(p -> new ChannelInfo(p.country(), MAIN_INSTRUMENT, p.skill(), p.name(), p.city()));
                tutti.setSplit(List.of(new SplitChannel("Vocals", EXTRA_INSTRUMENT, 2, -1)));
                tutti.setSoundCheck(true); // opens the card with three inputs
                Await.until("input 3 registered", () -> jack.describePorts().contains("Guitar:input 3"));
                jack.connect("loud:output left", "Guitar:input left");
                jack.connect("quiet:output left", "Guitar:input 3");
                tutti.connect("127.0.0.1:" + server.udpPort()).get(10, TimeUnit.SECONDS);

                Await.until("both channels on the server", Duration.ofSeconds(15),
                        () -> ClientInteropTest.clientNamed(server.rpc(), "Guitar") != null
                                && ClientInteropTest.clientNamed(server.rpc(), "Vocals") != null);
                JsonObject vocals = ClientInteropTest.clientNamed(server.rpc(), "Vocals");
                assertThat(vocals.get("channels").getAsInt()).as("one input: a mono channel").isEqualTo(1);
                assertThat(vocals.get("address").getAsString())
                        .as("its own socket").isNotEqualTo(
                                ClientInteropTest.clientNamed(server.rpc(), "Guitar").get("address").getAsString());

                // the main connection's mixer lists the extra channel as a musician, with its instrument
                Await.until("Vocals in our mixer", Duration.ofSeconds(10), () -> strip(tutti, "Vocals").isPresent());
                assertThat(strip(tutti, "Vocals").get().instrument()).isEqualTo(EXTRA_INSTRUMENT);
                assertThat(tutti.splitChannelIds()).containsExactly(strip(tutti, "Vocals").get().channelId());
                Await.until("Vocals shown as ours", Duration.ofSeconds(5),
                        () -> strip(tutti, "Vocals").map(MixerChannel::ownExtra).orElse(false));

                // the server's levels: the loud tone on Guitar (input left), the quiet one on Vocals (input 3)
                Await.until("levels: Guitar loud, Vocals quiet but present", Duration.ofSeconds(15), () -> {
                    int g = strip(tutti, "Guitar").map(MixerChannel::level).orElse(0);
                    int v = strip(tutti, "Vocals").map(MixerChannel::level).orElse(0);
                    return g >= 5 && v >= 1 && g >= v + 2;
                });

                // home recording: one own-input track per channel, each with its own input's tone
                Path take = tutti.startRecording(dir.resolve("takes"));
                Await.until("a second recorded", Duration.ofSeconds(10),
                        () -> tutti.recording() != null && tutti.recording().framesWritten() > 48_000);
                tutti.stopRecording();
                double own = peak(TakeFiles.left(take.resolve("own-input.wav")));
                double extra = peak(TakeFiles.left(take.resolve("own-input-2-Vocals.wav")));
                assertThat(own).as("channel 1's track: the loud tone, mono sum at half level").isBetween(0.27, 0.33);
                assertThat(extra).as("channel 2's track: the quiet tone on input 3").isBetween(0.02, 0.04);

                // changed while connected: the extra channel leaves, and another one joins, the main one stays
                tutti.setSplit(List.of());
                Await.until("Vocals gone, Guitar still there", Duration.ofSeconds(10),
                        () -> ClientInteropTest.clientNamed(server.rpc(), "Vocals") == null
                                && ClientInteropTest.clientNamed(server.rpc(), "Guitar") != null);
                tutti.setSplit(List.of(new SplitChannel("Voice", EXTRA_INSTRUMENT, 2, -1)));
                Await.until("Voice on the server", Duration.ofSeconds(10),
                        () -> ClientInteropTest.clientNamed(server.rpc(), "Voice") != null);
                Await.until("Voice's quiet tone in the levels", Duration.ofSeconds(15), () -> {
                    int v = strip(tutti, "Voice").map(MixerChannel::level).orElse(0);
                    return v >= 1 && strip(tutti, "Guitar").map(MixerChannel::level).orElse(0) >= v + 2;
                });

                tutti.disconnect().get(5, TimeUnit.SECONDS);
                Await.until("both gone from the server", Duration.ofSeconds(10),
                        () -> ClientInteropTest.clientNamed(server.rpc(), "Guitar") == null
                                && ClientInteropTest.clientNamed(server.rpc(), "Voice") == null);
            }
        }
    }

    /** Peak of the second half of a track (the tones are there from its start; the half avoids any edge). */
    private static double peak(short[] samples) {
        int max = 0;
        for (int i = samples.length / 2; i < samples.length; i++) {
            max = Math.max(max, Math.abs(samples[i]));
        }
        return max / 32767.0;
    }

    private static Optional<MixerChannel> strip(ClientEngine engine, String name) {
        return engine.channels().join().stream().filter(c -> name.equals(c.name())).findFirst();
    }
}
