package org.tutti.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audio round-trip latency through a JACK loop, measured by jackd2's {@code jack_iodelay}: it plays a test signal
 * on {@code jack_delay:out}, listens on {@code jack_delay:in} and prints the delay it finds, several times a
 * second. Connect {@link #OUT} to the loop's input and the loop's output to {@link #IN}.
 */
public final class LatencyProbe implements AutoCloseable {
    public static final String OUT = "jack_delay:out";
    public static final String IN = "jack_delay:in";
    private static final Pattern READING = Pattern.compile("([0-9.]+) frames\\s+([0-9.]+) ms total roundtrip latency");

    private final ManagedProcess process;
    private final DummyJack jack;

    private LatencyProbe(DummyJack jack, ManagedProcess process) {
        this.jack = jack;
        this.process = process;
    }

    public static LatencyProbe start(DummyJack jack, Path dir) {
        ManagedProcess p = ManagedProcess.start("jack_iodelay", List.of("jack_iodelay"), jack.env(),
                dir.resolve("jack_iodelay-" + jack.serverName() + ".log"));
        LatencyProbe probe = new LatencyProbe(jack, p);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!jack.describePorts().contains(IN)) {
            p.assertAlive();
            if (System.nanoTime() > deadline) {
                probe.close();
                throw new IllegalStateException("jack_iodelay ports did not appear");
            }
            RpcTestClient.sleep(100);
        }
        return probe;
    }

    /** Closes the loop: probe → {@code loopInput}, {@code loopOutput} → probe. */
    public void connect(String loopInput, String loopOutput) {
        jack.connect(OUT, loopInput);
        jack.connect(loopOutput, IN);
    }

    /** All round-trip readings so far, in milliseconds. */
    public List<Double> readingsMs() {
        List<Double> readings = new ArrayList<>();
        Matcher m = READING.matcher(process.logText());
        while (m.find()) {
            readings.add(Double.parseDouble(m.group(2)));
        }
        return readings;
    }

    /**
     * Waits up to {@code seconds} for {@code count} readings and returns their median (ms), or NaN when the signal
     * never came back.
     */
    public double medianMs(int count, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Double> readings = readingsMs();
        while (readings.size() < count && System.nanoTime() < deadline) {
            RpcTestClient.sleep(250);
            readings = readingsMs();
        }
        if (readings.isEmpty()) {
            return Double.NaN;
        }
        List<Double> last = new ArrayList<>(readings.subList(Math.max(0, readings.size() - count), readings.size()));
        last.sort(null);
        return last.get(last.size() / 2);
    }

    @Override
    public void close() {
        process.close();
    }
}
