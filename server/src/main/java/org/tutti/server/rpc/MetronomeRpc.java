package org.tutti.server.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.tutti.rpc.JsonRpcException;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.engine.ServerEngine;

/**
 * {@code jamulusserver/getMetronome} and {@code jamulusserver/setMetronome {"enabled": bool, "bpm": N,
 * "beatsPerBar": K}}; a field left out keeps its current value. Both answer with the settings now in force, plus the
 * channel ID the metronome has on this server (-1 when {@code -u 150} leaves it none). Out of range, not a whole
 * number or not a boolean: -32602.
 */
final class MetronomeRpc {
    private MetronomeRpc() {
    }

    static void register(JsonRpcServer rpc, ServerEngine engine) {
        rpc.handle("jamulusserver/getMetronome", p -> json(engine.metronome()));
        rpc.handle("jamulusserver/setMetronome", p -> {
            MetronomeSettings now = engine.metronome();
            boolean enabled = bool(p, "enabled", now.enabled());
            int bpm = integer(p, "bpm", now.bpm());
            int beats = integer(p, "beatsPerBar", now.beatsPerBar());
            try {
                return json(engine.setMetronome(enabled, bpm, beats));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw JsonRpcException.invalidParams(e.getMessage());
            }
        });
    }

    static JsonObject json(MetronomeSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("enabled", s.enabled());
        o.addProperty("bpm", s.bpm());
        o.addProperty("beatsPerBar", s.beatsPerBar());
        o.addProperty("channelId", s.channelId());
        return o;
    }

    private static boolean bool(JsonObject p, String key, boolean current) throws JsonRpcException {
        JsonElement v = p == null ? null : p.get(key);
        if (v == null || v.isJsonNull()) {
            return current;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
            throw JsonRpcException.invalidParams(key + " is not true or false");
        }
        return v.getAsBoolean();
    }

    private static int integer(JsonObject p, String key, int current) throws JsonRpcException {
        JsonElement v = p == null ? null : p.get(key);
        if (v == null || v.isJsonNull()) {
            return current;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw JsonRpcException.invalidParams(key + " is not a whole number");
        }
        double d = v.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > 1_000_000) {
            throw JsonRpcException.invalidParams(key + " is not a whole number");
        }
        return (int) d;
    }
}
