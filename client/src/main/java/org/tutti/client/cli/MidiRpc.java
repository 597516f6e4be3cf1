package org.tutti.client.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tutti.backend.midi.JavaSoundMidiInput;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.midi.MidiSetup;
import org.tutti.rpc.JsonRpcException;
import org.tutti.rpc.JsonRpcServer;

/**
 * The 3.12 MIDI controller methods: {@code getMidiDevices} lists the MIDI input devices, {@code getMidiSettings}
 * and {@code setMidiSettings} keep Jamulus's settings object (same keys and defaults) and apply it to the client's
 * {@link MidiSession}: with {@code bUseMIDIController} on, the enabled sections become the controller mapping (as
 * {@code --ctrlmidich} would set it). When no input can be opened the call fails with Jamulus's own error ("Failed
 * to open MIDI port") and the controller stays off, as Jamulus does.
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
    private MidiSession session; // guarded by this

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

    /** The client's MIDI input, which this RPC switches; its current setup becomes the settings shown. */
    synchronized void attach(MidiSession midi) {
        this.session = midi;
        MidiSetup s = midi.setup();
        if (s != null) {
            settings.put(USE_CONTROLLER, new JsonPrimitive(true));
            settings.put(DEVICE, new JsonPrimitive(s.device()));
            settings.put("midiChannel", new JsonPrimitive(s.channel()));
            settings.put("bMIDIPickupMode", new JsonPrimitive(s.pickup()));
            section("Fader", s.faders());
            section("Pan", s.pans());
            section("Solo", s.solos());
            section("Mute", s.mutes());
            settings.put("midiMuteMyself", new JsonPrimitive(Math.max(0, s.muteMyselfCc())));
            settings.put("bMidiMuteMyselfEnabled", new JsonPrimitive(s.muteMyselfCc() >= 0));
        }
    }

    private void section(String name, MidiSetup.Span span) {
        settings.put("midi" + name + "Offset", new JsonPrimitive(span.offset()));
        settings.put("midi" + name + "Count", new JsonPrimitive(span.count()));
        settings.put("bMidi" + name + "Enabled", new JsonPrimitive(span.count() > 0));
    }

    private MidiSetup.Span span(String name) {
        if (!settings.get("bMidi" + name + "Enabled").getAsBoolean()) {
            return MidiSetup.Span.NONE;
        }
        int offset = settings.get("midi" + name + "Offset").getAsInt();
        int count = settings.get("midi" + name + "Count").getAsInt();
        return offset < 0 || offset > 127 || count < 0 ? MidiSetup.Span.NONE : new MidiSetup.Span(offset, count);
    }

    private MidiSetup setupFromSettings() {
        int channel = Math.max(0, Math.min(16, settings.get("midiChannel").getAsInt()));
        int muteMyself = settings.get("midiMuteMyself").getAsInt();
        boolean muteMyselfOn = settings.get("bMidiMuteMyselfEnabled").getAsBoolean() && muteMyself >= 0
                && muteMyself < 128;
        return new MidiSetup(channel, span("Fader"), span("Pan"), span("Solo"), span("Mute"),
                muteMyselfOn ? muteMyself : -1, settings.get("bMIDIPickupMode").getAsBoolean(),
                settings.get(DEVICE).getAsString());
    }

    void bind() {
        rpc.handle("jamulusclient/getMidiDevices", p -> {
            JsonArray list = new JsonArray();
            JavaSoundMidiInput.deviceNames().forEach(list::add);
            return list;
        });
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
        boolean use = p.has(USE_CONTROLLER) ? asBool(p.get(USE_CONTROLLER))
                : settings.get(USE_CONTROLLER).getAsBoolean();
        if (session == null) {
            if (use) {
                throw new JsonRpcException(1, "Failed to open MIDI port"); // no MIDI input here: stays off
            }
            return new JsonPrimitive("ok");
        }
        try {
            session.use(use ? setupFromSettings() : null);
            settings.put(USE_CONTROLLER, new JsonPrimitive(use));
        } catch (IOException e) {
            settings.put(USE_CONTROLLER, new JsonPrimitive(false));
            throw new JsonRpcException(1, "Failed to open MIDI port");
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
