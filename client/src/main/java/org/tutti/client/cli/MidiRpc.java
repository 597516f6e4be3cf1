package org.tutti.client.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tutti.rpc.JsonRpcException;
import org.tutti.rpc.JsonRpcServer;

/**
 * The 3.12 MIDI controller methods, answered honestly for a client without MIDI input: {@code getMidiDevices} lists
 * no device, {@code getMidiSettings} and {@code setMidiSettings} keep Jamulus's settings object (same keys and
 * defaults), and switching the controller on fails with Jamulus's own error ("Failed to open MIDI port"), after which
 * the previous state is kept, as Jamulus does when its MIDI port cannot be opened.
 */
final class MidiRpc {
    private static final String USE_CONTROLLER = "bUseMIDIController";
    private static final String DEVICE = "midiDevice";
    private static final String[] NUMBERS = {"midiChannel", "midiMuteMyself", "midiFaderOffset", "midiFaderCount",
            "midiPanOffset", "midiPanCount", "midiSoloOffset", "midiSoloCount", "midiMuteOffset", "midiMuteCount"};
    private static final String[] FLAGS = {"bMidiFaderEnabled", "bMidiPanEnabled", "bMidiSoloEnabled",
            "bMidiMuteEnabled", "bMidiMuteMyselfEnabled", "bMIDIPickupMode"};

    private final JsonRpcServer rpc;
    private final Map<String, JsonPrimitive> settings = new LinkedHashMap<>();

    MidiRpc(JsonRpcServer rpc) {
        this.rpc = rpc;
        settings.put(USE_CONTROLLER, new JsonPrimitive(false));
        settings.put(DEVICE, new JsonPrimitive(""));
        for (String key : NUMBERS) {
            settings.put(key, new JsonPrimitive(0));
        }
        for (String key : FLAGS) {
            settings.put(key, new JsonPrimitive(false));
        }
    }

    void bind() {
        rpc.handle("jamulusclient/getMidiDevices", p -> new JsonArray());
        rpc.handle("jamulusclient/getMidiSettings", p -> snapshot());
        rpc.handle("jamulusclient/setMidiSettings", this::set);
    }

    private synchronized JsonObject snapshot() {
        JsonObject o = new JsonObject();
        settings.forEach(o::add);
        return o;
    }

    // Unknown keys are ignored and values are converted like Qt's toBool/toInt/toString do, as Jamulus does.
    private synchronized JsonElement set(JsonObject p) throws JsonRpcException {
        for (String key : NUMBERS) {
            if (p.has(key)) {
                settings.put(key, new JsonPrimitive(asInt(p.get(key))));
            }
        }
        for (String key : FLAGS) {
            if (p.has(key)) {
                settings.put(key, new JsonPrimitive(asBool(p.get(key))));
            }
        }
        if (p.has(DEVICE)) {
            JsonElement d = p.get(DEVICE);
            settings.put(DEVICE, new JsonPrimitive(d.isJsonPrimitive() && d.getAsJsonPrimitive().isString()
                    ? d.getAsString() : ""));
        }
        if (p.has(USE_CONTROLLER) && asBool(p.get(USE_CONTROLLER))) {
            throw new JsonRpcException(1, "Failed to open MIDI port"); // no MIDI input in Tutti: stays off
        }
        return new JsonPrimitive("ok");
    }

    private static boolean asBool(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    private static int asInt(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? (int) e.getAsDouble() : 0;
    }
}
