package org.tutti.client.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.client.model.FaderSettings;

class MixerSetupFileTest {
    @TempDir
    Path dir;

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSavedSetupIsReadableJsonAndReadsBackTheSame() throws IOException {
        Map<String, FaderSettings> faders = Map.of("Chloé", new FaderSettings(42, 10, true, false, 3),
                "Bob", new FaderSettings(100, 50, false, true, 0));
        Path file = dir.resolve("setup.json");
        MixerSetupFile.write(file, faders);
        String text = Files.readString(file);
        assertThat(text).contains("\"format\": \"tutti-mixer-setup\"", "\"Chloé\"", "\"fader\": 42");
        assertThat(MixerSetupFile.read(file)).isEqualTo(new MixerSetupFile.Loaded(Map.copyOf(faders), 0));
    }

    @Test
    void badJsonEntriesAreDroppedAndCounted() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"faders": {"A": {"fader": 101}, "B": {"pan": 20}, "C": "x", "": {}, "D": {"group": 9}}}
                """);
        var loaded = MixerSetupFile.read(file);
        assertThat(loaded.faders()).containsOnlyKeys("B");
        assertThat(loaded.faders().get("B")).isEqualTo(new FaderSettings(100, 20, false, false, 0));
        assertThat(loaded.dropped()).isEqualTo(4);
    }

    /** The keys and encodings of Jamulus 3.9's CClientSettings::WriteFaderSettingsToXML (a .jch file). */
    @Test
    void readsJamulussMixerSetupFile() throws IOException {
        Path file = dir.resolve("band.jch");
        Files.writeString(file, "<client>\n"
                + " <storedfadertag0_base64>" + b64("Chloé") + "</storedfadertag0_base64>\n"
                + " <storedfaderlevel0>42</storedfaderlevel0>\n"
                + " <storedpanvalue0>10</storedpanvalue0>\n"
                + " <storedfaderissolo0>0</storedfaderissolo0>\n"
                + " <storedfaderismute0>1</storedfaderismute0>\n"
                + " <storedgroupid0>2</storedgroupid0>\n"
                + " <storedfadertag1_base64></storedfadertag1_base64>\n"
                + " <storedfaderlevel1>100</storedfaderlevel1>\n"
                + " <storedfadertag2_base64>" + b64("Bob") + "</storedfadertag2_base64>\n"
                + " <storedfaderlevel2>150</storedfaderlevel2>\n"
                + " <storedpanvalue2>0</storedpanvalue2>\n"
                + " <storedfaderissolo2>1</storedfaderissolo2>\n"
                + " <storedfaderismute2>0</storedfaderismute2>\n"
                + " <storedgroupid2>-1</storedgroupid2>\n"
                + " <storedfadertag3_base64>%%%</storedfadertag3_base64>\n"
                + "</client>\n", StandardCharsets.UTF_8);
        var loaded = MixerSetupFile.read(file);
        assertThat(loaded.faders()).containsOnlyKeys("Chloé", "Bob");
        assertThat(loaded.faders().get("Chloé")).isEqualTo(new FaderSettings(42, 10, true, false, 3));
        // 150 is out of range: Jamulus keeps the default (100)
        assertThat(loaded.faders().get("Bob")).isEqualTo(new FaderSettings(100, 0, false, true, 0));
        assertThat(loaded.dropped()).isEqualTo(1);
    }

    @Test
    void aPlainDoctypeAsOlderJamulusFilesHaveIsAccepted() throws IOException {
        Path file = dir.resolve("old.jch");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE TheJamulusProject>\n<client>"
                + "<storedfadertag0_base64>" + b64("Ann") + "</storedfadertag0_base64>"
                + "<storedfaderlevel0>12</storedfaderlevel0></client>");
        assertThat(MixerSetupFile.read(file).faders()).containsEntry("Ann", new FaderSettings(12, 50, false, false, 0));
    }

    @Test
    void aFileWithADoctypeIsRefusedNotExpanded() throws IOException {
        Path file = dir.resolve("evil.jch");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE client [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<client><storedfadertag0_base64>&x;</storedfadertag0_base64></client>");
        assertThatThrownBy(() -> MixerSetupFile.read(file)).isInstanceOf(IOException.class);
    }

    @Test
    void somethingElseIsNotASetup() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello");
        assertThatThrownBy(() -> MixerSetupFile.read(file)).isInstanceOf(IOException.class);
        Files.writeString(file, "<other/>");
        assertThatThrownBy(() -> MixerSetupFile.read(file)).isInstanceOf(IOException.class);
    }
}
