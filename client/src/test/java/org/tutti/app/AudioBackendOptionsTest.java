package org.tutti.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** --help says which audio backends work on this machine and why the others do not; a wrong name is refused. */
class AudioBackendOptionsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void helpListsTheOptionsAndEveryBackendsAvailability() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--audiobackend", "--audiodevice", "Audio backends on this machine");
        for (String backend : new String[] {"jack", "portaudio", "javasound"}) {
            assertThat(help).containsPattern("\\n  " + backend + " +(available; devices|not available: \\S)");
        }
    }

    @Test
    void anUnknownBackendIsAUsageErrorInEveryMode() {
        assertThat(run("--audiobackend", "asio4all")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("unknown audio backend 'asio4all'", "jack", "portaudio", "javasound");
        assertThat(run("-s", "-n", "--audiobackend", "nope")).isEqualTo(Main.EXIT_USAGE);
    }
}
