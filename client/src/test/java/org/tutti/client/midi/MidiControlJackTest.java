package org.tutti.client.midi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.backend.jack.JackMidiSender;
import org.tutti.cli.JamulusOptions;
import org.tutti.client.cli.HeadlessClient;
import org.tutti.client.model.FaderLaw;
import org.tutti.client.model.MixerChannel;
import org.tutti.interop.DummyJack;
import org.tutti.interop.JamulusClient;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Json;
import org.tutti.interop.Peers;
import org.tutti.interop.RpcTestClient;
import org.tutti.interop.Secrets;
import org.tutti.protocol.ConnectedMessage.ChannelGain;
import org.tutti.protocol.ConnectedMessage.ChannelPan;
import org.tutti.protocol.Frame;
import org.tutti.protocol.GainPan;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;
import org.tutti.protocol.capture.UdpCaptureProxy;
import org.tutti.testing.Await;

/**
 * {@code --ctrlmidich} end to end: a MIDI controller (a JACK client with a MIDI output) sends control changes into
 * the Tutti client's JACK MIDI port, and the real Jamulus 3.9.1 server receives the gains and pans they mean for the
 * other musician's channel (seen on the wire by a relay between client and server).
 */
class MidiControlJackTest {
    private static final String SPEC = "1;f10*4;p20*4;m30*4;s40*4;o50";

    @TempDir
    Path dir;

    @Test
    void controlChangesMoveTheMixerAndTheServerReceivesTheGains() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 10);
             UdpCaptureProxy relay = new UdpCaptureProxy(server.udpPort())) {
            Path settings = dir.resolve("settings.json");
            Files.writeString(settings, "{\"audio\": {\"backend\": \"jack\", \"device\": \"" + jack.serverName()
                    + "\"}}");
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true);
            HeadlessClient client = HeadlessClient.start(JamulusOptions.parse("-n", "-i", settings.toString(),
                    "-c", "127.0.0.1:" + relay.port(), "--clientname", "Keys", "-j", "--ctrlmidich", SPEC), out, out);
            try (JamulusClient other = JamulusClient.start(dir, jack, "127.0.0.1:" + server.udpPort(), "other");
                 JackMidiSender controller = JackMidiSender.open(jack.serverName(), "controller")) {
                assertThat(console.toString()).contains("- MIDI: JACK MIDI port Keys MIDI:input midi");
                jack.connect(controller.portName(), "Keys MIDI:input midi");
                int otherId = Await.value("the other musician's strip", () -> client.engine().channels().join(),
                        list -> list.size() == 2).stream().mapToInt(MixerChannel::channelId)
                        .filter(id -> id != client.engine().channels().join().stream()
                                .filter(c -> c.name().equals("Keys")).findFirst().orElseThrow().channelId())
                        .findFirst().orElseThrow();

                controller.controlChange(1, 10 + otherId, 64); // fader: 64/127 of the way = position 50
                Await.until("fader at 50", () -> strip(client, otherId).fader() == 50);
                int expected = GainPan.toWire(FaderLaw.gain(50));
                Await.until("the server received gain " + expected, () -> lastGain(relay, otherId) == expected);

                controller.controlChange(1, 30 + otherId, 127); // mute
                Await.until("muted: gain 0 on the wire", () -> lastGain(relay, otherId) == 0);
                controller.controlChange(1, 30 + otherId, 0);
                Await.until("unmuted", () -> lastGain(relay, otherId) == expected);

                controller.controlChange(1, 20 + otherId, 1); // pan: hard left
                Await.until("panned left on the wire", () -> lastPan(relay, otherId) == 0);

                controller.controlChange(2, 10 + otherId, 127); // another MIDI channel: ignored
                controller.controlChange(1, 50, 127); // mute myself
                Await.until("mute myself", () -> client.engine().muteMyself());
                assertThat(strip(client, otherId).fader()).as("channel 2 ignored").isEqualTo(50);
            } finally {
                client.close();
            }
        }
    }

    @Test
    void jsonRpcSwitchesTheControllerOnAndOff() throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD);
        try (DummyJack jack = DummyJack.start(dir);
             JamulusServer server = JamulusServer.start(dir, 10)) {
            Path settings = dir.resolve("settings.json");
            Files.writeString(settings, "{\"audio\": {\"backend\": \"jack\", \"device\": \"" + jack.serverName()
                    + "\"}}");
            Secrets secrets = Secrets.create(dir);
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true);
            HeadlessClient client = HeadlessClient.start(JamulusOptions.parse("-n", "-i", settings.toString(),
                    "-c", "127.0.0.1:" + server.udpPort(), "--clientname", "Pads", "-j", "--jsonrpcport", "0",
                    "--jsonrpcsecretfile", secrets.file().toString()), out, out);
            try (RpcTestClient rpc = RpcTestClient.connectAndAuth(client.rpcPort(), secrets.secret(),
                    Duration.ofSeconds(5));
                 JackMidiSender controller = JackMidiSender.open(jack.serverName(), "pads-controller")) {
                int own = Await.value("own strip", () -> client.engine().channels().join(), l -> l.size() == 1)
                        .getFirst().channelId();
                assertThat(jack.describePorts()).doesNotContain("Pads MIDI:input midi");
                JsonObject on = new JsonObject();
                on.addProperty("bUseMIDIController", true);
                on.addProperty("midiDevice", "jack");
                on.addProperty("midiChannel", 0);
                on.addProperty("bMidiFaderEnabled", true);
                on.addProperty("midiFaderOffset", 7);
                on.addProperty("midiFaderCount", 8);
                assertThat(rpc.result("jamulusclient/setMidiSettings", on).getAsString()).isEqualTo("ok");
                assertThat(rpc.result("jamulusclient/getMidiSettings", Json.object()).getAsJsonObject()
                        .get("bUseMIDIController").getAsBoolean()).isTrue();
                jack.connect(controller.portName(), "Pads MIDI:input midi");
                controller.controlChange(5, 7 + own, 0); // channel 0 in the setup: any MIDI channel counts
                Await.until("own fader at 0", () -> strip(client, own).fader() == 0);

                assertThat(rpc.result("jamulusclient/setMidiSettings", off())
                        .getAsString()).isEqualTo("ok");
                Await.until("the MIDI port is gone", () -> !jack.describePorts().contains("Pads MIDI:input midi"));
            } finally {
                client.close();
            }
        }
    }

    private static JsonObject off() {
        JsonObject o = new JsonObject();
        o.addProperty("bUseMIDIController", false);
        return o;
    }

    private static MixerChannel strip(HeadlessClient client, int channelId) {
        return client.engine().channels().join().stream().filter(c -> c.channelId() == channelId).findFirst()
                .orElseThrow();
    }

    private static int lastGain(UdpCaptureProxy relay, int channelId) {
        int last = -1;
        for (Message m : toServer(relay)) {
            if (m instanceof ChannelGain(int id, int gain) && id == channelId) {
                last = gain;
            }
        }
        return last;
    }

    private static int lastPan(UdpCaptureProxy relay, int channelId) {
        int last = -1;
        for (Message m : toServer(relay)) {
            if (m instanceof ChannelPan(int id, int pan) && id == channelId) {
                last = pan;
            }
        }
        return last;
    }

    private static List<Message> toServer(UdpCaptureProxy relay) {
        return relay.captured().stream().filter(c -> c.direction().equals("c2s") && Frame.isValid(c.bytes(), 0, c.bytes().length))
                .map(c -> {
                    try {
                        return MessageCodec.decodeFrame(c.bytes(), 0, c.bytes().length);
                    } catch (MalformedMessageException e) {
                        return null;
                    }
                }).filter(m -> m != null).toList();
    }
}
