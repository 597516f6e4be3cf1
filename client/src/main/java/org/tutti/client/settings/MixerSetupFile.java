package org.tutti.client.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.tutti.client.model.FaderLaw;
import org.tutti.client.model.FaderSettings;
import org.tutti.client.model.MixerModel;

/**
 * File → Save/Load Mixer Channels Setup: the per-musician strip memory as a readable JSON file
 * ({@code {"format": "tutti-mixer-setup", "version": 1, "faders": {"Alice": {"fader": 80, …}}}}). Loading also
 * understands Jamulus's mixer setup files ({@code .jch}) and its whole {@code Jamulus.ini}, see
 * {@link JamulusMixerSetup}. Entries that make no sense are dropped and counted, never a failure of the whole file.
 */
public final class MixerSetupFile {
    public static final String FORMAT = "tutti-mixer-setup";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** What a file held: the strips by musician name, and how many entries were dropped as unreadable. */
    public record Loaded(Map<String, FaderSettings> faders, int dropped) {
    }

    private MixerSetupFile() {
    }

    /** Writes {@code faders} (sorted by name, so files diff well) through a temporary file and a rename. */
    public static void write(Path file, Map<String, FaderSettings> faders) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", 1);
        root.add("faders", GSON.toJsonTree(new TreeMap<>(faders)));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, GSON.toJson(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads a Tutti JSON setup or a Jamulus XML one (told apart by the first character).
     *
     * @throws IOException when the file cannot be read or is neither format
     */
    public static Loaded read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("<")) {
            return JamulusMixerSetup.parse(text);
        }
        if (text.startsWith("{")) {
            return parseJson(text);
        }
        throw new IOException("not a mixer setup file");
    }

    private static Loaded parseJson(String text) throws IOException {
        JsonObject faders;
        try {
            JsonObject root = JsonParser.parseString(text).getAsJsonObject();
            faders = root.getAsJsonObject("faders");
        } catch (RuntimeException e) {
            throw new IOException("not a mixer setup file: " + e.getMessage(), e);
        }
        if (faders == null) {
            throw new IOException("not a mixer setup file: no \"faders\"");
        }
        Map<String, FaderSettings> out = new TreeMap<>();
        int dropped = 0;
        for (Map.Entry<String, JsonElement> e : faders.entrySet()) {
            FaderSettings s = strip(e.getValue());
            if (e.getKey().isBlank() || s == null) {
                dropped++;
            } else {
                out.put(e.getKey(), s);
            }
        }
        return new Loaded(out, dropped);
    }

    /** One strip; missing fields take the defaults, out-of-range values make it unreadable (null). */
    private static FaderSettings strip(JsonElement el) {
        try {
            JsonObject o = el.getAsJsonObject();
            FaderSettings d = FaderSettings.DEFAULT;
            int fader = o.has("fader") ? o.get("fader").getAsInt() : d.fader();
            int pan = o.has("pan") ? o.get("pan").getAsInt() : d.pan();
            boolean mute = o.has("mute") && o.get("mute").getAsBoolean();
            boolean solo = o.has("solo") && o.get("solo").getAsBoolean();
            int group = o.has("group") ? o.get("group").getAsInt() : d.group();
            if (fader < 0 || fader > FaderLaw.MAX || pan < 0 || pan > FaderLaw.MAX || group < 0
                    || group > MixerModel.GROUPS) {
                return null;
            }
            return new FaderSettings(fader, pan, mute, solo, group);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
