package org.tutti.rpc;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compact JSON with object keys in sorted order, as Qt's QJsonDocument writes it (so replies match Jamulus byte for byte). */
public final class SortedJson {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private SortedJson() {
    }

    public static String toJson(JsonElement element) {
        return GSON.toJson(sorted(element));
    }

    private static JsonElement sorted(JsonElement element) {
        if (element instanceof JsonObject object) {
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
            entries.sort(Map.Entry.comparingByKey());
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> e : entries) {
                copy.add(e.getKey(), sorted(e.getValue()));
            }
            return copy;
        }
        if (element instanceof JsonArray array) {
            JsonArray copy = new JsonArray(array.size());
            for (JsonElement e : array) {
                copy.add(sorted(e));
            }
            return copy;
        }
        return element;
    }
}
