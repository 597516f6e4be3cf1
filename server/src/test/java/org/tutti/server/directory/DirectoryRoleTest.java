package org.tutti.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.CommandLine;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.protocol.ConnectionlessMessage.RegisterServerEx;
import org.tutti.protocol.ConnectionlessMessage.ReqServerList;
import org.tutti.protocol.ConnectionlessMessage.ServerList;
import org.tutti.protocol.ConnectionlessMessage.UnregisterServer;

class DirectoryRoleTest {
    private final WireSink sink = new WireSink();

    @TempDir
    Path dir;

    private static ParsedOptions options(String... args) throws UsageException {
        return new CommandLine(JamulusOptions.ALL).parse(args);
    }

    @Test
    void withoutDirectoryNothingIsSent() throws Exception {
        DirectoryRole role = DirectoryRole.fromOptions(options("-s", "-n", "-o", "A;B;de"), 22124, 10, sink, 0);
        role.start(0);
        role.poll(3_600_000);
        assertThat(sink.sent).isEmpty();
        assertThat(role.registrationStatus()).isEqualTo(RegistrationStatus.NOT_REGISTERED);
        assertThat(role.info()).isEqualTo(new ServerInfo("A", "B", 82));
        assertThat(role.onMessage(new ReqServerList(), new InetSocketAddress("127.0.0.1", 5), 0)).isFalse();
    }

    @Test
    void aDirectoryAddressMakesARegistrarUsingServerPublicIp() throws Exception {
        DirectoryRole role = DirectoryRole.fromOptions(options("-s", "-n", "-e", "127.0.0.2:22999",
                "--serverpublicip", "198.51.100.4", "-o", "Srv;Town;82"), 24000, 9, sink, 0);
        role.start(0);
        RegisterServerEx ex = sink.of(RegisterServerEx.class).getFirst();
        assertThat(sink.sent.getFirst().to()).isEqualTo(new InetSocketAddress("127.0.0.2", 22999));
        assertThat(ex.registration().internalAddress()).isEqualTo("198.51.100.4");
        assertThat(ex.registration().port()).isEqualTo(24000);
        assertThat(ex.registration().maxClients()).isEqualTo(9);
        assertThat(role.registrationStatus()).isEqualTo(RegistrationStatus.REQUESTED);
        role.shutdown();
        assertThat(sink.sent.getLast().message()).isEqualTo(new UnregisterServer());
    }

    @Test
    void localhostMakesADirectoryWithFileAndFilter() throws Exception {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "127.0.0.1:24201;192.0.2.2:24201;UmVnU3J2;UGFyaXM=;0;7;0\n");
        DirectoryRole role = DirectoryRole.fromOptions(options("-s", "-n", "-e", "LOCALHOST", "--directoryfile",
                file.toString(), "-f", "10.0.0.1", "-o", "Dir;Town;82"), 22124, 10, sink, 0);
        assertThat(role.directory()).isNotNull();
        assertThat(role.registrationStatus()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(role.directory().entries()).hasSize(1);
        role.onMessage(new ReqServerList(), new InetSocketAddress("127.0.0.1", 5000), 0);
        assertThat(sink.of(ServerList.class).getFirst().servers()).extracting(s -> s.name())
                .containsExactly("Dir", "RegSrv");
    }

    @Test
    void badAddressesAreUsageErrorsOrBadAddressStatus() throws Exception {
        assertThatThrownBy(() -> DirectoryRole.fromOptions(options("-s", "-e", "host:notaport"), 1, 1, sink, 0))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> DirectoryRole.fromOptions(options("-s", "-e", "h", "--serverpublicip", "x.y"),
                1, 1, sink, 0)).isInstanceOf(UsageException.class);
        DirectoryRole role = DirectoryRole.fromOptions(options("-s", "-e", "unresolvable.invalid"), 1, 1, sink, 0);
        role.start(0);
        assertThat(role.registrationStatus().jsonName()).isEqualTo("bad_address");
    }
}
