package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ban file's text format: corrupt lines are reported and skipped, ended bans dropped, writes atomic. */
class BanFileTest {
    private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");

    @Test
    void parsesGoodLinesAndReportsEveryBadOne() {
        String text = """
                # comment
                10.0.0.1 forever

                10.0.0.2 2026-12-07T21:00:00Z
                2001:db8::1 forever
                10.0.0.3 2026-12-07T19:59:59Z
                10.0.0.4
                not-an-ip forever
                10.0.0.5 tomorrow
                10.0.0.6 forever and ever
                \u0000\u00ff garbage
                """;
        List<String> problems = new ArrayList<>();
        List<Ban> bans = BanFile.parse(text, NOW, problems::add);
        assertThat(bans).containsExactly(
                new Ban(InetAddress.ofLiteral("10.0.0.1"), null),
                new Ban(InetAddress.ofLiteral("10.0.0.2"), Instant.parse("2026-12-07T21:00:00Z")),
                new Ban(InetAddress.ofLiteral("2001:db8::1"), null)); // 10.0.0.3 ended a second ago: dropped quietly
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith("line 7:");
        assertThat(problems.get(1)).startsWith("line 8:").contains("not-an-ip");
        assertThat(problems.get(2)).startsWith("line 9:").contains("tomorrow");
    }

    @Test
    void writesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bans.txt");
        assertThat(BanFile.read(file, NOW, p -> { throw new AssertionError(p); })).isEmpty(); // missing file: no bans
        List<Ban> bans = List.of(new Ban(InetAddress.ofLiteral("192.0.2.7"), null),
                new Ban(InetAddress.ofLiteral("::1"), Instant.parse("2026-12-08T00:00:00Z")));
        BanFile.write(file, bans);
        assertThat(Files.readString(file)).contains("192.0.2.7 forever\n", "::1 2026-12-08T00:00:00Z\n");
        assertThat(BanFile.read(file, NOW, p -> { throw new AssertionError(p); })).isEqualTo(bans);
        assertThat(dir.resolve("bans.txt.tmp")).doesNotExist();
        BanFile.write(file, List.of());
        assertThat(BanFile.read(file, NOW, p -> { })).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8SpoilOnlyTheirLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bans.txt");
        Files.write(file, new byte[] {'1', '.', '2', '.', '3', '.', '4', ' ', 'f', 'o', 'r', 'e', 'v', 'e', 'r', '\n',
                (byte) 0xC3, (byte) 0x28, ' ', 'x', '\n'});
        List<String> problems = new ArrayList<>();
        assertThat(BanFile.read(file, NOW, problems::add)).containsExactly(new Ban(InetAddress.ofLiteral("1.2.3.4"), null));
        assertThat(problems).hasSize(1);
    }
}
