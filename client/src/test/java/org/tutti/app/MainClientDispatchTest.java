package org.tutti.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class MainClientDispatchTest {
    @Test
    void withoutNoGuiTheDesktopAppIsNotAvailableYet() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true);
        assertThat(Main.run(new String[] {"-c", "127.0.0.1"}, ps, ps)).isEqualTo(1);
        assertThat(err.toString()).contains("desktop app not yet available");
    }
}
