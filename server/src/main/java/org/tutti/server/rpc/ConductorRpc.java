package org.tutti.server.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.tutti.rpc.JsonRpcException;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.server.engine.ServerEngine;

/**
 * {@code jamulusserver/setConductor {"id": N}} (N's personal mix goes to every other listener that has not said
 * /ownmix) or {@code {"id": null}} (everyone hears their own mix), and {@code getConductor}; both answer
 * {@code {"id": N or null}}. An ID no client has, or one that is not a whole number: -32602.
 */
final class ConductorRpc {
    private ConductorRpc() {
    }

    static void register(JsonRpcServer rpc, ServerEngine engine) {
        rpc.handle("jamulusserver/getConductor", p -> json(engine.conductor()));
        rpc.handle("jamulusserver/setConductor", p -> {
            JsonElement id = p == null ? null : p.get("id");
            if (id == null) {
                throw JsonRpcException.invalidParams("id is missing (null ends the conductor's mix)");
            }
            int channel = -1;
            if (!id.isJsonNull()) {
                if (!id.isJsonPrimitive() || !id.getAsJsonPrimitive().isNumber()
                        || id.getAsDouble() != Math.rint(id.getAsDouble()) || id.getAsDouble() < 0
                        || id.getAsDouble() > 255) {
                    throw JsonRpcException.invalidParams("id is not a channel ID");
                }
                channel = id.getAsInt();
            }
            if (!engine.setConductor(channel)) {
                throw JsonRpcException.invalidParams("invalid channel ID");
            }
            return json(engine.conductor());
        });
    }

    private static JsonObject json(int id) {
        JsonObject o = new JsonObject();
        o.add("id", id < 0 ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(id));
        return o;
    }
}
