package org.tutti.client.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.testing.DummyJackd;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.engine.ClientStatus;
import org.tutti.interop.JamulusServer;
import org.tutti.interop.Peers;

/**
 * Measures the audio round trip (JACK in → client → real Jamulus 3.9.1 server → client → JACK out) with jack_iodelay,
 * for Tutti's client and for the real Jamulus client in the same run, at JACK periods 128 and 64. The figures are
 * printed and written to target/latency-client-PERIOD.txt (see docs/performance-client.md); the test only asserts
 * that both clients produced a measurable loop, never a speed.
 */
class RoundTripLatencyTest {
    private static final Pattern READING = Pattern.compile("([0-9.]+) ms total roundtrip latency");
    private static final long SETTLE_MS = 6_000;
    private static final long MEASURE_MS = 6_000;

    @TempDir
    Path dir;

    /** jack_iodelay running in the background; keeps its readings with arrival times. */
    private static final class IoDelay implements AutoCloseable {
        private final Process process;
        private final List<long[]> readings = Collections.synchronizedList(new ArrayList<>());

        IoDelay(DummyJackd jackd) throws IOException {
            process = jackd.clientProcess(List.of("jack_iodelay")).redirectErrorStream(true).start();
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        Matcher m = READING.matcher(line);
                        if (m.find()) {
                            readings.add(new long[] {System.nanoTime(), Math.round(Double.parseDouble(m.group(1)) * 1000)});
                        }
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "iodelay-reader");
            t.setDaemon(true);
            t.start();
        }

        /** Median of the readings taken after a settling time; -1 if none. */
        double measure() throws InterruptedException {
            return measure(() -> { });
        }

        /** The same; {@code atStart} runs when the measuring window opens. */
        double measure(Runnable atStart) throws InterruptedException {
            Thread.sleep(SETTLE_MS);
            atStart.run();
            long from = System.nanoTime();
            Thread.sleep(MEASURE_MS);
            List<Long> values = new ArrayList<>();
            synchronized (readings) {
                for (long[] r : readings) {
                    if (r[0] >= from) {
                        values.add(r[1]);
                    }
                }
            }
            if (values.isEmpty()) {
                return -1;
            }
            Collections.sort(values);
            return values.get(values.size() / 2) / 1000.0;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 64})
    void tuttiAndJamulusClientsThroughARealJamulusServer(int period) throws Exception {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_IODELAY);
        String[] serverArgs = period == 64 ? new String[] {"-F"} : new String[0];
        double tutti;
        double jamulus;
        int tuttiJitter;
        ClientStatus[] window = new ClientStatus[2];
        try (DummyJackd jackd = DummyJackd.start(period);
             JamulusServer server = JamulusServer.start(dir, 10, serverArgs);
             IoDelay iodelay = new IoDelay(jackd)) {
            ClientOptions options = ClientOptions.defaults(new JackBackendProvider(), "TuttiLat")
                    .withAudio(jackd.name(), period, false);
            try (ClientEngine engine = new ClientEngine(options, new ClientListener() { })) {
                engine.connect("127.0.0.1:" + server.udpPort()).get(10, TimeUnit.SECONDS);
                jackd.run("jack_connect", "jack_delay:out", "TuttiLat:input left");
                jackd.run("jack_connect", "TuttiLat:output left", "jack_delay:in");
                tutti = iodelay.measure(() -> window[0] = engine.status());
                window[1] = engine.status();
                tuttiJitter = window[1].jitterBlocks();
                engine.disconnect().get(5, TimeUnit.SECONDS);
            }

            Path ini = dir.resolve("real.ini");
            ProcessBuilder pb = jackd.clientProcess(List.of("Jamulus", "-n", "-j", "-i", ini.toString(), "-p", "0",
                    "-c", "127.0.0.1:" + server.udpPort(), "--clientname", "RealLat"));
            pb.environment().put("QT_QPA_PLATFORM", "offscreen");
            Process real = pb.redirectErrorStream(true).redirectOutput(dir.resolve("real.log").toFile()).start();
            try {
                waitForPort(jackd, "Jamulus RealLat:output left");
                jackd.run("jack_connect", "jack_delay:out", "Jamulus RealLat:input left");
                jackd.run("jack_connect", "Jamulus RealLat:output left", "jack_delay:in");
                jamulus = iodelay.measure();
            } finally {
                real.destroy();
                real.waitFor(10, TimeUnit.SECONDS);
            }
        }
        String report = String.format("JACK period %d (%s server): Tutti client %.3f ms (local jitter buffer %d"
                + " frames; in %d s: %d dropouts, %d concealed, %d underruns), Jamulus 3.9.1 client %.3f ms%n", period,
                period == 64 ? "-F" : "default", tutti, tuttiJitter, MEASURE_MS / 1000,
                window[1].dropouts() - window[0].dropouts(), window[1].framesLost() - window[0].framesLost(),
                window[1].underruns() - window[0].underruns(), jamulus);
        System.out.print(report);
        Files.writeString(Path.of("target", "latency-client-" + period + ".txt"), report);
        assertThat(tutti).as("Tutti's loop was measured").isPositive();
        assertThat(jamulus).as("the Jamulus client's loop was measured").isPositive();
    }

    private static void waitForPort(DummyJackd jackd, String port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!jackd.run("jack_lsp").contains(port)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("JACK port " + port + " did not appear");
            }
            Thread.sleep(200);
        }
    }
}
