package org.tutti.backend.portaudio;

import java.util.EnumSet;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackStatus;
import org.tutti.backend.NativeChatter;

/** The running JACK server's period, asked through JNAJack (PortAudio does not expose it). */
final class JackPeriod {
    private JackPeriod() {
    }

    /** Frames per JACK cycle of $JACK_DEFAULT_SERVER, or -1 when no server answers. */
    static int frames() {
        try {
            NativeChatter.quiet();
            JackClient client = Jack.getInstance().openClient("tutti-period",
                    EnumSet.of(JackOptions.JackNoStartServer), EnumSet.noneOf(JackStatus.class));
            try {
                return client.getBufferSize();
            } finally {
                client.close();
            }
        } catch (JackException | LinkageError | RuntimeException e) {
            return -1;
        }
    }
}
