package org.tutti.client.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.tutti.Version;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientStatus;
import org.tutti.client.model.MixerChannel;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.RecorderState;
import org.tutti.protocol.SkillLevel;
import org.tutti.protocol.StringLimits;
import org.tutti.rpc.JsonRpcException;
import org.tutti.rpc.JsonRpcServer;

/**
 * The headless client's JSON-RPC methods and notifications, shaped like Jamulus 3.9.1's {@code clientrpc.cpp}
 * (protocol doc §9.3–9.4) plus the 3.12 additions {@code setFaderLevel}, {@code setInstrumentCode}, {@code setMuted},
 * the directory methods ({@link DirectoryRpc}), the MIDI methods ({@link MidiRpc}) and the {@code recorderState}
 * notification; and the Tutti extensions {@code jamulusclient/getCounters}, {@code startRecording} and
 * {@code stopRecording} (recording at home).
 */
public final class ClientRpc implements ClientListener {
    /** startRecording could not create the take (JSON-RPC's implementation-defined range). */
    static final int RECORDING_FAILED = -32000;
    private final JsonRpcServer rpc;
    private final DirectoryRpc directory;
    private final MidiRpc midi;
    private ClientControl control;
    private volatile List<MixerChannel> channels = List.of();
    private volatile boolean connected;

    public ClientRpc(JsonRpcServer rpc) {
        this.rpc = rpc;
        this.directory = new DirectoryRpc(rpc);
        this.midi = new MidiRpc(rpc);
    }

    /** Lets the MIDI methods switch {@code session} (without it, switching MIDI on fails as with no port). */
    public void attachMidi(MidiSession session) {
        midi.attach(session);
    }

    /** Stops a directory poll still running. */
    public void close() {
        directory.close();
    }

    /** Registers the methods, acting on the engine directly; call before the server starts accepting. */
    public void bind(ClientEngine clientEngine) {
        bind(ClientControl.of(clientEngine));
    }

    /** Registers the methods, acting on {@code control}; call before the server starts accepting. */
    public void bind(ClientControl control) {
        this.control = control;
        rpc.handle("jamulus/getMode", p -> object("mode", new JsonPrimitive("client")));
        rpc.handle("jamulus/getVersion", p -> object("version", new JsonPrimitive(Version.version())));
        rpc.handle("jamulusclient/getClientInfo", p -> object("connected", new JsonPrimitive(connected)));
        rpc.handle("jamulusclient/getChannelInfo", p -> channelInfo(control.profile()));
        rpc.handle("jamulusclient/getClientList", p -> {
            requireConnected();
            return clientList(channels);
        });
        rpc.handle("jamulusclient/setName", p -> {
            String name = StringLimits.truncate(string(p, "name"), StringLimits.NAME);
            control.updateProfile(i -> new ChannelInfo(i.country(), i.instrument(), i.skill(), name, i.city()));
            return new JsonPrimitive("ok");
        });
        rpc.handle("jamulusclient/setSkillLevel", p -> {
            JsonElement level = p.get("skillLevel");
            SkillLevel skill = level == null || level.isJsonNull() ? SkillLevel.NOT_SET : skill(level.getAsString());
            control.updateProfile(i -> new ChannelInfo(i.country(), i.instrument(), skill.code(), i.name(), i.city()));
            // 3.9.1 answers a null level with neither result nor error (protocol doc §9.3)
            return skill == SkillLevel.NOT_SET ? null : new JsonPrimitive("ok");
        });
        rpc.handle("jamulusclient/setInstrumentCode", p -> {
            // Jamulus names the parameter instrCode; instrumentCode (an earlier Tutti spelling) is accepted too
            int code = integer(p, p.has("instrCode") ? "instrCode" : "instrumentCode");
            control.updateProfile(i -> new ChannelInfo(i.country(), code, i.skill(), i.name(), i.city()));
            return new JsonPrimitive("ok");
        });
        rpc.handle("jamulusclient/setFaderLevel", p -> {
            requireConnected();
            int index = integer(p, "channelIndex");
            int level = integer(p, "level");
            List<MixerChannel> list = channels;
            if (index < 0 || index >= list.size()) {
                throw JsonRpcException.invalidParams("channelIndex out of range");
            }
            int id = list.get(index).channelId();
            control.setFader(id, level);
            return new JsonPrimitive("ok");
        });
        rpc.handle("jamulusclient/getCounters", p -> counters(control.status()));
        rpc.handle("jamulusclient/setMuted", p -> {
            JsonElement muted = p.get("muted");
            if (muted == null || !muted.isJsonPrimitive() || !muted.getAsJsonPrimitive().isBoolean()) {
                throw JsonRpcException.invalidParams("muted is not a boolean");
            }
            control.setMuteMyself(muted.getAsBoolean());
            return new JsonPrimitive("ok");
        });
        rpc.handle("jamulusclient/startRecording", p -> {
            JsonElement folder = p.get("folder");
            if (folder != null && !folder.isJsonNull()
                    && (!folder.isJsonPrimitive() || !folder.getAsJsonPrimitive().isString())) {
                throw JsonRpcException.invalidParams("folder must be a string");
            }
            try {
                Path parent = folder == null || folder.isJsonNull() ? null : Path.of(folder.getAsString());
                return object("folder", new JsonPrimitive(control.startRecording(parent).toString()));
            } catch (IOException | InvalidPathException e) {
                throw new JsonRpcException(RECORDING_FAILED, "could not start recording: " + e.getMessage());
            }
        });
        rpc.handle("jamulusclient/stopRecording", p -> {
            Path take = control.stopRecording();
            return object("folder", take == null ? JsonNull.INSTANCE : new JsonPrimitive(take.toString()));
        });
        directory.bind();
        midi.bind();
        rpc.handle("jamulusclient/sendChatText", p -> {
            requireConnected();
            control.sendChat(string(p, "chatText"));
            return new JsonPrimitive("ok");
        });
    }

    private void requireConnected() throws JsonRpcException {
        if (!connected) {
            throw new JsonRpcException(JsonRpcException.CLIENT_NOT_CONNECTED, "Client is not connected");
        }
    }

    private static String string(JsonObject p, String key) throws JsonRpcException {
        JsonElement e = p.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw JsonRpcException.invalidParams(key + " must be a string");
        }
        return e.getAsString();
    }

    private static int integer(JsonObject p, String key) throws JsonRpcException {
        JsonElement e = p.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw JsonRpcException.invalidParams(key + " must be a number");
        }
        return e.getAsInt();
    }

    private static SkillLevel skill(String name) throws JsonRpcException {
        return switch (name) {
            case "beginner" -> SkillLevel.BEGINNER;
            case "intermediate" -> SkillLevel.INTERMEDIATE;
            case "expert" -> SkillLevel.EXPERT;
            default -> throw JsonRpcException.invalidParams("skillLevel must be beginner, intermediate, expert or null");
        };
    }

    static JsonElement skillName(int code) {
        return switch (SkillLevel.fromCode(code)) {
            case BEGINNER -> new JsonPrimitive("beginner");
            case INTERMEDIATE -> new JsonPrimitive("intermediate");
            case EXPERT -> new JsonPrimitive("expert");
            case NOT_SET -> JsonNull.INSTANCE;
        };
    }

    private static JsonObject object(String key, JsonElement value) {
        JsonObject o = new JsonObject();
        o.add(key, value);
        return o;
    }

    private static JsonObject channelInfo(ChannelInfo i) {
        JsonObject o = new JsonObject();
        o.addProperty("name", i.name());
        o.addProperty("countryId", i.country());
        o.addProperty("city", i.city());
        o.addProperty("instrumentId", i.instrument());
        o.add("skillLevel", skillName(i.skill()));
        return o;
    }

    /** Tutti extension: the audio path's health counters for this connection (zeros while not connected). */
    static JsonObject counters(ClientStatus s) {
        JsonObject o = new JsonObject();
        o.addProperty("connected", s.connected());
        o.addProperty("packetsSent", s.packetsSent());
        o.addProperty("packetsReceived", s.packetsReceived());
        o.addProperty("framesConcealed", s.framesLost());
        o.addProperty("dropouts", s.dropouts());
        o.addProperty("underruns", s.underruns());
        o.addProperty("lateFrames", s.lateFrames());
        o.addProperty("holds", s.jitterHolds());
        o.addProperty("skips", s.jitterSkips());
        o.addProperty("playbackRatioPpm", s.playbackRatioPpm());
        o.addProperty("lateCallbacks", s.lateCallbacks());
        o.addProperty("jitterBufferFrames", s.jitterBlocks());
        o.addProperty("playoutDelayFrames", s.playoutDelayFrames());
        o.addProperty("pingMs", s.pingMs());
        return o;
    }

    static JsonObject clientList(List<MixerChannel> list) {
        JsonArray clients = new JsonArray();
        for (MixerChannel c : list) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.channelId());
            o.addProperty("name", c.name());
            o.add("skillLevel", skillName(c.skill()));
            o.addProperty("countryId", c.country());
            o.addProperty("city", c.city());
            o.addProperty("instrumentId", c.instrument());
            clients.add(o);
        }
        return object("clients", clients);
    }

    // ------------------------------------------------------------------ notifications

    @Override
    public void connected(int channelId) {
        connected = true;
        rpc.broadcast("jamulusclient/connected", object("id", new JsonPrimitive(channelId)));
    }

    @Override
    public void disconnected(String reason) {
        connected = false;
        channels = List.of();
        rpc.broadcast("jamulusclient/disconnected", new JsonObject());
    }

    @Override
    public void clientListChanged(List<MixerChannel> list) {
        channels = List.copyOf(list);
        rpc.broadcast("jamulusclient/clientListReceived", clientList(list));
    }

    @Override
    public void levelsChanged(int[] levels) {
        JsonArray a = new JsonArray();
        for (int l : levels) {
            a.add(l);
        }
        rpc.broadcast("jamulusclient/channelLevelListReceived", object("channelLevelList", a));
    }

    @Override
    public void chatReceived(String html) {
        rpc.broadcast("jamulusclient/chatTextReceived", object("chatText", new JsonPrimitive(html)));
    }

    @Override
    public void recorderStateChanged(RecorderState state) {
        rpc.broadcast("jamulusclient/recorderState", object("state", new JsonPrimitive(state.code())));
    }

    @Override
    public void homeRecordingFailed(Path take, String reason) {
        JsonObject o = object("folder", new JsonPrimitive(take.toString()));
        o.addProperty("reason", reason);
        rpc.broadcast("jamulusclient/recordingFailed", o);
    }
}
