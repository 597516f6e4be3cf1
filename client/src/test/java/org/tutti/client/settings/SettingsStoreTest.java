package org.tutti.client.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.model.FaderSettings;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEverySection() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("sub/settings.json"));
        ClientSettings s = new ClientSettings();
        s.profile.name = "Zoë";
        s.profile.instrument = 10;
        s.profile.country = 82;
        s.profile.city = "Köln";
        s.profile.skill = 3;
        s.audio.bufferFrames = 64;
        s.audio.quality = "HIGH";
        s.network.customDirectories.add("dir.example.org:22224");
        s.window.width = 800;
        s.faders.put("Bob", new FaderSettings(40, 20, true, false, 2));
        store.save(s);

        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.hadProblem()).isFalse();
        assertThat(loaded.settings()).usingRecursiveComparison().isEqualTo(s);
        assertThat(Files.readString(store.file())).contains("\"name\": \"Zoë\"");
    }

    @Test
    void serverPasswordsRoundTripInAFileOnlyItsOwnerCanRead() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        ClientSettings s = new ClientSettings();
        s.serverPasswords.put("jam.example.org:22124", "s3cret");
        store.save(s);
        assertThat(store.load().settings().serverPasswords).containsExactly(Map.entry("jam.example.org:22124", "s3cret"));
        if (store.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                    .isEqualTo("rw-------");
        }
        Files.writeString(store.file(), "{\"serverPasswords\": null}");
        assertThat(store.load().settings().serverPasswords).isEmpty();
        Files.writeString(store.file(), "{\"serverPasswords\": {\"a:1\": null, \"b:2\": \"x\"}}");
        assertThat(store.load().settings().serverPasswords).containsExactly(Map.entry("b:2", "x"));
    }

    @Test
    void missingFileGivesDefaultsWithoutComplaint() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("settings.json")).load();
        assertThat(loaded.hadProblem()).isFalse();
        assertThat(loaded.settings().audio.bufferFrames).isEqualTo(128);
    }

    @Test
    void corruptFileIsReportedKeptAsideAndReplacedByDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"profile\": { \"name\": 12, \"skill\": \"lots\" ");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertThat(loaded.hadProblem()).isTrue();
        assertThat(loaded.problem()).contains("using defaults", "settings.json.corrupt");
        assertThat(loaded.settings().profile.name).isEmpty();
        assertThat(dir.resolve("settings.json.corrupt")).exists();
        assertThat(file).doesNotExist();
    }

    @Test
    void nullSectionsAndUnknownFieldsAreTolerated() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"profile\": null, \"audio\": {\"bufferFrames\": 256}, \"future\": [1,2]}");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertThat(loaded.hadProblem()).isFalse();
        assertThat(loaded.settings().profile.name).isEmpty();
        assertThat(loaded.settings().audio.bufferFrames).isEqualTo(256);
        assertThat(loaded.settings().audio.quality).isEqualTo("NORMAL");
    }

    @Test
    void oldGenreDirectoryNamesMigrateToTheCurrentOnes() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"network": {"customDirectories": ["anygenre3.jamulus.io:22624", "dir.example.org", "jazz.jamulus.io:5000"]},
                 "server": {"directory": "anygenre3.jamulus.io:22624"}}""");
        ClientSettings s = new SettingsStore(file).load().settings();
        assertThat(s.server.directory).isEqualTo("asia.jamulus.app:22624");
        // Any Genre 3 is now the built-in Any Genre Asia: no custom entry left for it.
        assertThat(s.network.customDirectories).containsExactly("dir.example.org", "jazz.jamulus.app:5000");
    }

    @Test
    void defaultFolderFollowsThePlatform() {
        assertThat(SettingsStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/cfg/tutti"));
        assertThat(SettingsStore.defaultDirectory(Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/tutti"));
        assertThat(SettingsStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/tutti"));
        assertThat(SettingsStore.defaultDirectory(Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Tutti"));
        assertThat(SettingsStore.defaultDirectory(Map.of("APPDATA", "C:\\AppData"), "Windows 11", "C:\\u").toString())
                .endsWith("Tutti");
    }
}
