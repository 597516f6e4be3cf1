package org.tutti.interop;

import com.google.gson.JsonObject;

/** Tiny helpers to build JSON-RPC params in tests. */
public final class Json {
    private Json() {
    }

    public static JsonObject object() {
        return new JsonObject();
    }

    public static JsonObject object(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }
}
