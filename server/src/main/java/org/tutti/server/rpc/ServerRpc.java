package org.tutti.server.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tutti.Version;
import org.tutti.net.AddressText;
import org.tutti.protocol.Countries;
import org.tutti.protocol.StreamBandwidth;
import org.tutti.rpc.JsonRpcException;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.server.engine.Ban;
import org.tutti.server.engine.ClientSnapshot;
import org.tutti.server.engine.EngineCounters;
import org.tutti.server.engine.ServerEngine;
import org.tutti.server.engine.ServerEvents;
import org.tutti.server.hosting.AddressWatch;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.recorder.JamRecorder;
import org.tutti.server.recorder.RecorderState;

/**
 * The server's JSON-RPC methods: those of Jamulus 3.9.1 and 3.12 with the same shapes (protocol doc §9.3, §9.5),
 * plus {@code jamulusserver/getCounters}, kick and ban ({@code kickClient}, {@code banClient}, {@code getBans},
 * {@code unban}) and {@code admitClient} (from the password lobby). Also the 3.12 server notifications, via {@link #events()}.
 */
public final class ServerRpc {
    private static final JsonPrimitive OK = new JsonPrimitive("ok");
    private static final JsonPrimitive ACKNOWLEDGED = new JsonPrimitive("acknowledged");
    /** Longest ban with an end: ten years; longer is "until unbanned" (omit minutes). */
    static final long MAX_BAN_MINUTES = 10L * 366 * 24 * 60;

    private final JsonRpcServer rpc;
    private ServerEngine engine;
    private volatile String directoryType = "none";
    private volatile String directoryAddress = "";
    private volatile Supplier<PortMappingStatus> portMapping = () -> null;
    private volatile Supplier<AddressWatch.Update> sharedAddress = () -> null;

    public ServerRpc(JsonRpcServer rpc) {
        this.rpc = rpc;
    }

    /** Where getServerProfile reads the port mapping's status from (off until this is called). */
    public void showPortMapping(Supplier<PortMappingStatus> status) {
        this.portMapping = status;
    }

    /** Where getServerProfile reads the address to share (null while unknown). */
    public void showSharedAddress(Supplier<AddressWatch.Update> address) {
        this.sharedAddress = address;
    }

    /** Registers every method against {@code engine}. */
    public void attach(ServerEngine engine) {
        this.engine = engine;
        rpc.handle("jamulus/getMode", p -> object("mode", "server"));
        rpc.handle("jamulus/getVersion", p -> object("version", Version.version()));
        rpc.handle("jamulusserver/getClients", p -> clients());
        rpc.handle("jamulusserver/getServerProfile", p -> profile());
        rpc.handle("jamulusserver/getRecorderStatus", p -> {
            JamRecorder recorder = engine.recorder();
            JsonObject r = new JsonObject();
            r.addProperty("initialised", recorder != null && recorder.state() != RecorderState.NOT_INITIALISED);
            r.addProperty("errorMessage", recorder == null ? "" : recorder.errorMessage());
            r.addProperty("enabled", recorder != null && recorder.isRecording());
            r.addProperty("recordingDirectory",
                    recorder == null || recorder.directory() == null ? "" : recorder.directory().toString());
            return r;
        });
        rpc.handle("jamulusserver/setServerName", p -> {
            engine.renameServer(string(p, "serverName"));
            return OK;
        });
        rpc.handle("jamulusserver/setWelcomeMessage", p -> {
            engine.setWelcomeMessage(string(p, "welcomeMessage"));
            return OK;
        });
        // Like Jamulus, these only acknowledge: the outcome shows in getRecorderStatus and RECORDER_STATE.
        rpc.handle("jamulusserver/setRecordingDirectory", p -> {
            String directory = string(p, "recordingDirectory");
            withRecorder(r -> r.setDirectory(directory.isEmpty() ? null : Path.of(directory)));
            return ACKNOWLEDGED;
        });
        rpc.handle("jamulusserver/startRecording", p -> withRecorder(r -> r.setEnabled(true)));
        rpc.handle("jamulusserver/stopRecording", p -> withRecorder(r -> r.setEnabled(false)));
        rpc.handle("jamulusserver/restartRecording", p -> withRecorder(JamRecorder::newSession));
        rpc.handle("jamulusserver/broadcastChatMessage", p -> {
            engine.broadcastChat(string(p, "chatMessage"));
            return OK;
        });
        rpc.handle("jamulusserver/privateChatMessage", p -> {
            JsonElement text = p.get("chatMessage");
            JsonElement id = p.get("id");
            if (text == null || !text.isJsonPrimitive() || text.getAsString().isEmpty()
                    || text.getAsString().length() > 1800) {
                throw JsonRpcException.invalidParams("chatMessage is not a string or malformed");
            }
            int channel = id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isNumber() ? id.getAsInt() : -1;
            if (!engine.privateChat(channel, text.getAsString())) {
                throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "invalid channel ID");
            }
            return OK;
        });
        rpc.handle("jamulusserver/setDirectory", p -> {
            // 3.12's shape and checks. Changing the directory at run time is not supported yet (start with -e):
            // the values are kept for getServerProfile only.
            String type = string(p, "directoryType");
            JsonElement address = p.get("directoryAddress");
            if (address != null && !(address.isJsonPrimitive() && address.getAsJsonPrimitive().isString())) {
                throw JsonRpcException.invalidParams("directory address is not a string");
            }
            if (address == null && type.equals("custom")) {
                throw JsonRpcException.invalidParams("directory address is required when directory type is \"custom\"");
            }
            directoryType = type;
            directoryAddress = address == null ? "" : address.getAsString();
            return OK;
        });
        rpc.handle("jamulusserver/kickClient", p -> {
            if (!engine.kick(clientId(p))) {
                throw JsonRpcException.invalidParams("invalid channel ID");
            }
            return OK;
        });
        rpc.handle("jamulusserver/admitClient", p -> {
            if (!engine.admit(clientId(p))) {
                throw JsonRpcException.invalidParams("no client with that ID waits in the lobby");
            }
            return OK;
        });
        rpc.handle("jamulusserver/banClient", p -> {
            int id = clientId(p);
            Duration length = null;
            JsonElement minutes = p.get("minutes");
            if (minutes != null && !minutes.isJsonNull()) {
                if (!isInteger(minutes) || minutes.getAsLong() < 1 || minutes.getAsLong() > MAX_BAN_MINUTES) {
                    throw JsonRpcException.invalidParams("minutes is not a whole number from 1 to " + MAX_BAN_MINUTES);
                }
                length = Duration.ofMinutes(minutes.getAsLong());
            }
            Ban ban = engine.ban(id, length);
            if (ban == null) {
                throw JsonRpcException.invalidParams("invalid channel ID");
            }
            return ban(ban);
        });
        rpc.handle("jamulusserver/getBans", p -> {
            JsonArray list = new JsonArray();
            engine.bans().forEach(b -> list.add(ban(b)));
            JsonObject r = new JsonObject();
            r.add("bans", list);
            return r;
        });
        rpc.handle("jamulusserver/unban", p -> {
            InetAddress address;
            try {
                address = InetAddress.ofLiteral(string(p, "address"));
            } catch (IllegalArgumentException e) {
                throw JsonRpcException.invalidParams("address is not an IP address");
            }
            if (!engine.unban(address)) {
                throw JsonRpcException.invalidParams("address is not banned");
            }
            return OK;
        });
        rpc.handle("jamulusserver/getCounters", p -> counters(engine.counters().snapshot()));
        MetronomeRpc.register(rpc, engine);
        ConductorRpc.register(rpc, engine);
    }

    private JsonPrimitive withRecorder(Consumer<JamRecorder> action) {
        JamRecorder recorder = engine.recorder();
        if (recorder != null) {
            action.accept(recorder);
        }
        return ACKNOWLEDGED;
    }

    /** Events that become the 3.12 server notifications. */
    public ServerEvents events() {
        return new ServerEvents() {
            @Override
            public void clientConnected(int id, String ip, int connectedCount) {
                JsonObject p = new JsonObject();
                p.addProperty("id", id);
                p.addProperty("address", ip);
                p.addProperty("totalChannels", connectedCount);
                rpc.broadcast("jamulusserver/clientConnected", p);
            }

            @Override
            public void clientDisconnected(int id) {
                JsonObject p = new JsonObject();
                p.addProperty("id", id);
                rpc.broadcast("jamulusserver/clientDisconnected", p);
            }

            @Override
            public void chatSent(int senderId, String html) {
                JsonObject p = new JsonObject();
                p.addProperty("id", senderId);
                p.addProperty("chatMessage", html);
                rpc.broadcast("jamulusserver/chatMessageReceived", p);
            }
        };
    }

    /** As Jamulus's {@code QLocale::countryToString}: English names, "Default" for any country. */
    static String countryName(int qt5Country) {
        if (qt5Country == Countries.ANY) {
            return "Default";
        }
        String name = Countries.displayName(qt5Country);
        return name.isEmpty() ? Integer.toString(qt5Country) : name;
    }

    private JsonObject clients() {
        List<ClientSnapshot> snapshot = engine.clients();
        JsonArray clients = new JsonArray();
        double totalKbps = 0;
        for (ClientSnapshot c : snapshot) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("address", c.address());
            o.addProperty("name", c.info().name());
            o.addProperty("jitterBufferSize", c.jitterBufferSize());
            o.addProperty("lobby", c.lobby()); // Tutti's own: waits for the password, not heard or listed to others
            // Tutti's own: what the server's jitter buffer did to this musician's sound so far
            o.addProperty("jitterConcealed", c.jitter().concealed());
            o.addProperty("jitterHolds", c.jitter().holds());
            o.addProperty("jitterSkips", c.jitter().skips());
            o.addProperty("jitterDropped", c.jitter().overruns());
            o.addProperty("channels", c.audioChannels());
            o.addProperty("instrumentCode", c.info().instrument());
            o.addProperty("city", c.info().city());
            o.addProperty("countryName", countryName(c.info().country()));
            o.addProperty("skillLevelCode", c.info().skill());
            // Tutti's own: what this musician's stream costs each way on an IP network (kbit/s, IPv4+UDP headers
            // included); the server sends the mix back in the format the musician declared, so both are equal.
            double kbps = c.props() == null ? 0 : StreamBandwidth.ipKbps(c.props());
            o.addProperty("upstreamKbps", Math.round(kbps * 10) / 10.0);
            o.addProperty("downstreamKbps", Math.round(kbps * 10) / 10.0);
            totalKbps += kbps;
            clients.add(o);
        }
        JsonObject result = new JsonObject();
        result.addProperty("connections", snapshot.size());
        result.addProperty("upstreamKbps", Math.round(totalKbps * 10) / 10.0);   // all musicians to the server
        result.addProperty("downstreamKbps", Math.round(totalKbps * 10) / 10.0); // the server to all musicians
        result.add("clients", clients);
        return result;
    }

    private JsonObject profile() {
        JsonObject r = new JsonObject();
        r.addProperty("name", engine.serverName());
        r.addProperty("city", engine.config().serverCity());
        r.addProperty("countryId", engine.config().serverCountry());
        r.addProperty("welcomeMessage", engine.welcomeMessage());
        String directoryText = engine.directoryText();
        r.addProperty("directoryServer", directoryText); // 3.9.1 name
        r.addProperty("directory", directoryText);       // 3.10+ name
        r.addProperty("directoryType", directoryType);
        r.addProperty("directoryAddress", directoryAddress);
        r.addProperty("registrationStatus", engine.registrationStatus().jsonName());
        // Tutti's own: whether the UDP port is open on the home router, and the address friends connect to.
        var mapping = portMapping.get();
        r.addProperty("portMapping", mapping == null ? "off" : mapping.state().jsonName());
        r.addProperty("portMappingDetail", mapping == null ? "" : mapping.describe());
        // The address to share: the router's when mapped, else the directory's view of this server (docs/hosting.md).
        var shared = sharedAddress.get();
        r.addProperty("externalAddress", shared != null ? shared.current().address().getAddress().getHostAddress()
                : mapping == null ? "" : mapping.externalAddressText());
        r.addProperty("externalPort", shared == null ? 0 : shared.current().address().getPort());
        r.addProperty("externalAddressSource", shared == null ? "" : shared.current().source().jsonName());
        r.addProperty("previousExternalAddress", shared == null || !shared.changed() ? "" : shared.before().text());
        return r;
    }

    private static JsonObject counters(EngineCounters.Snapshot s) {
        JsonObject r = new JsonObject();
        for (var component : EngineCounters.Snapshot.class.getRecordComponents()) {
            try {
                r.addProperty(component.getName(), (Long) component.getAccessor().invoke(s));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return r;
    }

    /** {@code {"address": "IP", "until": ISO-8601 or null}}. */
    private static JsonObject ban(Ban ban) {
        JsonObject o = new JsonObject();
        o.addProperty("address", AddressText.host(ban.address())); // as getClients writes it
        o.add("until", ban.until() == null ? JsonNull.INSTANCE : new JsonPrimitive(ban.until().toString()));
        return o;
    }

    private static int clientId(JsonObject params) throws JsonRpcException {
        JsonElement id = params.get("id");
        if (id == null || !isInteger(id) || id.getAsLong() < 0 || id.getAsLong() > Integer.MAX_VALUE) {
            throw JsonRpcException.invalidParams("id is not a channel ID");
        }
        return id.getAsInt();
    }

    private static boolean isInteger(JsonElement v) {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            return false;
        }
        double d = v.getAsDouble();
        return d == Math.rint(d) && !Double.isInfinite(d);
    }

    private static String string(JsonObject params, String key) throws JsonRpcException {
        JsonElement v = params.get(key);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw JsonRpcException.invalidParams(key + " is not a string");
        }
        return v.getAsString();
    }

    private static JsonObject object(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }
}
