package org.tutti.client.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tutti.server.directory.KnownDirectory;

/**
 * Loads and saves {@link ClientSettings} as {@code settings.json} in the platform's configuration folder. A missing
 * file gives defaults; an unreadable or corrupt one is reported, moved aside as {@code settings.json.corrupt}, and
 * replaced by defaults — never a crash. Saving writes a temporary file and renames it, so a crash mid-write cannot
 * leave half a file.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path file;

    /** The result of {@link #load()}: the settings, plus a message for the user when the file was bad. */
    public record Loaded(ClientSettings settings, String problem) {
        public boolean hadProblem() {
            return problem != null;
        }
    }

    public SettingsStore(Path file) {
        this.file = file;
    }

    /**
     * A deep copy, for work that leaves the thread owning {@code settings} (the EDT): the copy is the worker's, and
     * what the worker learns goes back to the owner as a command.
     */
    public static ClientSettings copy(ClientSettings settings) {
        return GSON.fromJson(GSON.toJsonTree(settings), ClientSettings.class);
    }

    /** The store at the platform's default place. */
    public static SettingsStore atDefaultLocation() {
        return new SettingsStore(defaultDirectory(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ".")).resolve(FILE_NAME));
    }

    /**
     * Linux/Unix: $XDG_CONFIG_HOME/tutti (default ~/.config/tutti); macOS: ~/Library/Application Support/Tutti;
     * Windows: %APPDATA%\Tutti.
     */
    static Path defaultDirectory(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming"))
                    .resolve("Tutti");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Tutti");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("tutti");
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(new ClientSettings(), null);
        }
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            ClientSettings s = GSON.fromJson(json, ClientSettings.class);
            if (s == null) {
                throw new JsonParseException("the file is empty");
            }
            return new Loaded(repair(s), null);
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            String problem = "settings file " + file + " could not be read (" + e.getMessage()
                    + "); using defaults";
            try {
                Files.move(file, file.resolveSibling(FILE_NAME + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
                problem += "; the bad file was kept as " + FILE_NAME + ".corrupt";
            } catch (IOException moveFailed) {
                problem += "; it could not be moved aside: " + moveFailed.getMessage();
            }
            return new Loaded(new ClientSettings(), problem);
        }
    }

    // JSON "null" for a section would otherwise surface later as a NullPointerException.
    private static ClientSettings repair(ClientSettings s) {
        ClientSettings d = new ClientSettings();
        if (s.profile == null) {
            s.profile = d.profile;
        }
        if (s.profile.name == null) {
            s.profile.name = "";
        }
        if (s.profile.city == null) {
            s.profile.city = "";
        }
        if (s.audio == null) {
            s.audio = d.audio;
        }
        s.audio.backend = s.audio.backend == null ? d.audio.backend : s.audio.backend;
        s.audio.device = s.audio.device == null ? d.audio.device : s.audio.device;
        s.audio.quality = s.audio.quality == null ? d.audio.quality : s.audio.quality;
        s.audio.channels = s.audio.channels == null ? d.audio.channels : s.audio.channels;
        s.audio.channelMapping(s.audio.channelMapping()); // out-of-range channels are clamped
        if (s.network == null) {
            s.network = d.network;
        }
        if (s.network.customDirectories == null) {
            s.network.customDirectories = d.network.customDirectories;
        }
        if (s.network.recentServers == null) {
            s.network.recentServers = d.network.recentServers;
        }
        s.network.customDirectories.removeIf(Objects::isNull);
        s.network.recentServers.removeIf(Objects::isNull);
        s.network.customDirectories = migrateDirectories(s.network.customDirectories);
        if (s.window == null) {
            s.window = d.window;
        }
        if (s.server == null) {
            s.server = d.server;
        }
        s.server.name = s.server.name == null ? "" : s.server.name;
        s.server.city = s.server.city == null ? "" : s.server.city;
        s.server.welcomeMessage = s.server.welcomeMessage == null ? "" : s.server.welcomeMessage;
        s.server.recordingDir = s.server.recordingDir == null ? "" : s.server.recordingDir;
        s.server.directory = s.server.directory == null ? "" : KnownDirectory.migrate(s.server.directory);
        if (s.faders == null) {
            s.faders = d.faders;
        }
        if (s.mixer == null) {
            s.mixer = d.mixer;
        }
        s.mixer.newClientLevel = Math.max(0, Math.min(100, s.mixer.newClientLevel));
        s.faders.values().removeIf(Objects::isNull);
        if (s.serverPasswords == null) {
            s.serverPasswords = d.serverPasswords;
        }
        s.serverPasswords.keySet().removeIf(Objects::isNull);
        s.serverPasswords.values().removeIf(Objects::isNull);
        return s;
    }

    // Old *.jamulus.io names (Tutti before the 3.12.3 names) become the current ones; one that is now a built-in
    // entry leaves the custom list, since the selector lists it already.
    private static List<String> migrateDirectories(List<String> custom) {
        Set<String> builtIn = new HashSet<>();
        for (KnownDirectory d : KnownDirectory.values()) {
            builtIn.add(d.address().toString().toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        for (String c : custom) {
            String m = KnownDirectory.migrate(c);
            if (m.equals(c)) {
                out.add(c);
            } else if (!builtIn.contains(m.toLowerCase(Locale.ROOT)) && !out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    public void save(ClientSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // the file holds session passwords (serverPasswords): readable by this user only
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, GSON.toJson(settings), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
