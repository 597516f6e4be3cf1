package org.tutti.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutti.cli.JamulusOptions;
import org.tutti.cli.UsageException;
import org.tutti.server.engine.ServerConfig;

/** The headless server's options mean what they mean for Jamulus 3.9.1 (protocol doc §10.2). */
class ServerOptionsTest {
    @Test
    void defaultsMatchJamulus() throws UsageException {
        ServerConfig c = ServerOptions.toConfig(JamulusOptions.parse("-s", "-n"));
        assertThat(c.port()).isEqualTo(22124);
        assertThat(c.maxClients()).isEqualTo(10);
        assertThat(c.frameSamples()).isEqualTo(128);
        assertThat(c.qosTos()).isEqualTo(128);
        assertThat(c.welcomeMessage()).isEmpty();
        assertThat(c.disconnectOnQuit()).isFalse();
        assertThat(c.enableIpv6()).isFalse();
    }

    @Test
    void optionsAreApplied() throws UsageException {
        ServerConfig c = ServerOptions.toConfig(JamulusOptions.parse("-s", "-n", "-p", "23000", "-u", "150", "-F",
                "-T", "-P", "-L", "-d", "-Q", "0", "--serverbindip", "127.0.0.1", "-w", "Hi <b>there</b>",
                "-o", "A very long server name indeed;Some City;74", "-l", "x.log", "-m", "x.html", "-6"));
        assertThat(c.port()).isEqualTo(23000);
        assertThat(c.maxClients()).isEqualTo(150);
        assertThat(c.frameSamples()).isEqualTo(64);
        assertThat(c.multithreading()).isTrue();
        assertThat(c.delayPan()).isTrue();
        assertThat(c.licenceRequired()).isTrue();
        assertThat(c.disconnectOnQuit()).isTrue();
        assertThat(c.qosTos()).isZero();
        assertThat(c.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(c.welcomeMessage()).isEqualTo("Hi <b>there</b>");
        assertThat(c.serverName()).isEqualTo("A very long server n").hasSize(20);
        assertThat(c.serverCity()).isEqualTo("Some City");
        assertThat(c.serverCountry()).isEqualTo(74);
        assertThat(c.logFile()).isEqualTo(Path.of("x.log"));
        assertThat(c.htmlStatusFile()).isEqualTo(Path.of("x.html"));
        assertThat(c.enableIpv6()).isTrue();
    }

    @Test
    void welcomeMessageComesFromAFileAndIsCut(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("w.txt"), "x".repeat(2000));
        ServerConfig c = ServerOptions.toConfig(JamulusOptions.parse("-s", "-w", file.toString()));
        assertThat(c.welcomeMessage()).hasSize(1600);
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> ServerOptions.toConfig(JamulusOptions.parse("-s", "-u", "151")))
                .isInstanceOf(UsageException.class).hasMessageContaining("1 and 150");
        assertThatThrownBy(() -> ServerOptions.toConfig(JamulusOptions.parse("-s", "-p", "x")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> HeadlessServer.rpcSettings(JamulusOptions.parse("-s", "--jsonrpcport", "1234")))
                .isInstanceOf(UsageException.class).hasMessageContaining("jsonrpcsecretfile");
    }

    @Test
    void directoryAndRecordingOptionsAreSupported() throws UsageException {
        assertThat(ServerOptions.unsupportedGiven(JamulusOptions.parse("-s", "-e", "localhost", "-R", "/tmp",
                "--norecord", "--directoryfile", "d.txt", "-f", "127.0.0.1", "--serverpublicip", "192.0.2.1"))).isEmpty();
    }

    @Test
    void portMappingIsOffUnlessAskedForAndTakesOnlyOnOrOff() throws UsageException {
        assertThat(ServerOptions.portMapping(JamulusOptions.parse("-s", "-n"))).isFalse();
        assertThat(ServerOptions.portMapping(JamulusOptions.parse("-s", "-n", "--portmapping", "on"))).isTrue();
        assertThat(ServerOptions.portMapping(JamulusOptions.parse("-s", "--portmapping", "OFF"))).isFalse();
        assertThatThrownBy(() -> ServerOptions.portMapping(JamulusOptions.parse("-s", "--portmapping", "yes")))
                .isInstanceOf(UsageException.class).hasMessage("--portmapping needs on or off, not 'yes'");
        assertThatThrownBy(() -> JamulusOptions.parse("--portmapping", "on"))
                .isInstanceOf(UsageException.class).hasMessageContaining("only for the server");
    }

    @Test
    void passwordIsTheFirstLineOfItsFileStripped(@TempDir Path dir) throws Exception {
        assertThat(ServerOptions.password(JamulusOptions.parse("-s", "-n"))).isNull();
        Path file = dir.resolve("password");
        Files.writeString(file, " \tmot de passe à moi \r\nnot this line\n");
        assertThat(ServerOptions.password(JamulusOptions.parse("-s", "--passwordfile", file.toString())))
                .isEqualTo("mot de passe à moi");
        Files.writeString(file, "\nsecret on the second line\n");
        assertThatThrownBy(() -> ServerOptions.password(JamulusOptions.parse("-s", "--passwordfile", file.toString())))
                .isInstanceOf(UsageException.class).hasMessageContaining("no password on its first line");
        assertThatThrownBy(() -> ServerOptions.password(JamulusOptions.parse("-s", "--passwordfile",
                dir.resolve("absent").toString())))
                .isInstanceOf(UsageException.class).hasMessageContaining("cannot read the password file");
    }
}
