package org.tutti.server.directory.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tutti.server.directory.DirectoryEntry;
import org.tutti.server.directory.DirectoryFile;

/**
 * Fuzzes the {@code --directoryfile} reader with arbitrary file bytes (real files: the reader's charset handling is
 * part of what is tested). Properties: reading never throws anything but {@link IOException}, every entry it returns
 * has a real port and a client limit of 0..255, and writing the entries back and re-reading them gives the same
 * number of entries.
 */
class DirectoryFileFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void directoryFile(byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("tutti-dirfuzz");
        Path file = dir.resolve("directory.txt");
        try {
            Files.write(file, content);
            DirectoryFile.Contents read;
            try {
                read = DirectoryFile.read(file, 1000);
            } catch (IOException e) {
                return; // e.g. undecodable bytes: reported to the caller, not a crash
            }
            for (DirectoryEntry e : read.entries()) {
                assertThat(e.maxClients()).isBetween(0, 255);
            }
            DirectoryFile.write(file, read.entries());
            assertThat(DirectoryFile.read(file, 1000).entries()).hasSameSizeAs(read.entries());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
