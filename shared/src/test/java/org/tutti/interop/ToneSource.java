package org.tutti.interop;

import java.nio.file.Path;
import java.util.List;

/**
 * A steady sine tone on a JACK output port, from jackd2's {@code jack_simple_client} example (amplitude 0.2 of full
 * scale, i.e. about -14 dBFS). Connect it to a client's input with {@link #connectTo}.
 */
public final class ToneSource implements AutoCloseable {
    private final DummyJack jack;
    private final String clientName;
    private final ManagedProcess process;

    private ToneSource(DummyJack jack, String clientName, ManagedProcess process) {
        this.jack = jack;
        this.clientName = clientName;
        this.process = process;
    }

    public static ToneSource start(DummyJack jack, String clientName, Path dir) {
        ManagedProcess process = ManagedProcess.start("tone " + clientName, List.of("jack_simple_client", clientName),
                jack.env(), dir.resolve("tone-" + clientName + ".log"));
        ToneSource tone = new ToneSource(jack, clientName, process);
        tone.awaitPort();
        return tone;
    }

    private void awaitPort() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!jack.describePorts().contains(outputPort())) {
            process.assertAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tone port " + outputPort() + " did not appear:\n" + jack.describePorts());
            }
            RpcTestClient.sleep(100);
        }
    }

    public String outputPort() {
        return clientName + ":output1";
    }

    /** Feeds the tone into each of {@code inputPorts}. */
    public void connectTo(List<String> inputPorts) {
        for (String port : inputPorts) {
            jack.connect(outputPort(), port);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
