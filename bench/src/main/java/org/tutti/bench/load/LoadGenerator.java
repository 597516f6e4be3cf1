package org.tutti.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Runs one load test: N emulated clients, one sending thread, one receiving thread (a selector over all sockets),
 * and the calling thread stepping through the phases connect → (distinct gains) → warm-up → measured window →
 * disconnect. Every phase has a deadline, so a run always ends.
 */
public final class LoadGenerator {
    private static final long POLL_INTERVAL_NANOS = 20_000_000L;
    // The measured window is opened and closed by the receiving thread itself (see receive()).
    private static final int WINDOW_IDLE = 0;
    private static final int WINDOW_OPEN_REQUESTED = 1;
    private static final int WINDOW_OPEN = 2;
    private static final int WINDOW_CLOSE_REQUESTED = 3;
    private static final int WINDOW_CLOSED = 4;

    private final LoadOptions options;
    private final EmulatedClient[] clients;
    private final AudioSender sender;
    private volatile boolean receiving = true;
    private volatile int window = WINDOW_IDLE;
    private volatile long windowOpenNanos;
    private volatile long windowCloseNanos;
    private volatile boolean applyDistinctGains;

    private LoadGenerator(LoadOptions options) throws IOException {
        this.options = options;
        this.clients = new EmulatedClient[options.clients()];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new EmulatedClient(i, options);
        }
        this.sender = new AudioSender(clients, options);
    }

    /** Entry point of {@code tutti-bench load ...}; returns the process exit code. */
    public static int main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.USAGE);
            return 2;
        }
        run(options, System.out);
        return 0;
    }

    /** Runs one load test and prints its report to {@code out}. */
    static LoadReport run(LoadOptions options, PrintStream out) throws Exception {
        return new LoadGenerator(options).run(out);
    }

    private LoadReport run(PrintStream out) throws Exception {
        Selector selector = Selector.open();
        for (EmulatedClient c : clients) {
            c.socket.register(selector, SelectionKey.OP_READ, c);
        }
        Thread receiver = Thread.ofPlatform().name("load-receive").start(() -> receive(selector));
        Thread sending = Thread.ofPlatform().name("load-send").start(sender);
        sending.setPriority(Thread.MAX_PRIORITY);
        LoadReport report = new LoadReport(options, clients);
        try {
            long connectStart = System.nanoTime();
            long deadline = connectStart + options.connectTimeoutSeconds() * 1_000_000_000L;
            while (System.nanoTime() < deadline && (established() < clients.length || !listsComplete())) {
                sleepMs(50);
            }
            report.connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            report.established = established();
            if (options.distinctMixes()) {
                applyDistinctGains = true;
                long gainDeadline = System.nanoTime() + 20_000_000_000L;
                while (System.nanoTime() < gainDeadline && (applyDistinctGains || pending() > 0)) {
                    sleepMs(50);
                }
                report.gainsPending = pending();
            }
            sleepMs(options.warmupSeconds() * 1000L);
            ServerCpu cpu = ServerCpu.of(options.serverPid());
            long lateBefore = sender.lateTicks;
            sender.resetMaxLag();
            report.startWindow();
            switchWindow(WINDOW_OPEN_REQUESTED, WINDOW_OPEN);
            sleepMs(options.seconds() * 1000L);
            switchWindow(WINDOW_CLOSE_REQUESTED, WINDOW_CLOSED);
            report.windowSeconds = (windowCloseNanos - windowOpenNanos) / 1e9;
            report.endWindow(cpu);
            report.senderLateTicks = sender.lateTicks - lateBefore;
            report.senderMaxLagMs = sender.maxLagNanos / 1e6;
        } finally {
            sender.stop();
            sending.join(2000);
            for (EmulatedClient c : clients) {
                c.disconnect();
            }
            sleepMs(100);
            for (EmulatedClient c : clients) {
                c.disconnect(); // the real client sends it twice, ~100 ms apart
            }
            receiving = false;
            selector.wakeup();
            receiver.join(2000);
            for (EmulatedClient c : clients) {
                c.close();
            }
            selector.close();
        }
        report.print(out);
        return report;
    }

    /** Asks the receiving thread to open or close the window and waits until it has (it owns the statistics). */
    private void switchWindow(int request, int done) throws InterruptedException {
        window = request;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (window != done) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the receiving thread did not answer (window state " + window + ")");
            }
            sleepMs(1);
        }
    }

    /**
     * The receiving thread: owns every client's protocol state and statistics. It opens the window only after
     * draining every socket, and closes it after counting what is already queued, so the count covers the packets
     * that arrived within the window: not a backlog this thread had not read yet when it opened (which once showed
     * as 100.35 % delivered), nor less because it was behind when it closed.
     */
    private void receive(Selector selector) {
        long nextPoll = System.nanoTime();
        try {
            while (receiving) {
                int w = window;
                if (w == WINDOW_OPEN_REQUESTED) {
                    for (EmulatedClient c : clients) {
                        c.drain(false);
                        c.stats.reset();
                    }
                    windowOpenNanos = System.nanoTime();
                    window = WINDOW_OPEN;
                } else if (w == WINDOW_CLOSE_REQUESTED) {
                    windowCloseNanos = System.nanoTime();
                    for (EmulatedClient c : clients) {
                        c.drain(true);
                    }
                    window = WINDOW_CLOSED;
                }
                boolean m = window == WINDOW_OPEN;
                selector.select(key -> ((EmulatedClient) key.attachment()).drain(m), 5);
                long now = System.nanoTime();
                if (applyDistinctGains) {
                    for (EmulatedClient c : clients) {
                        c.setDistinctGains(now);
                    }
                    applyDistinctGains = false;
                }
                if (now >= nextPoll) {
                    for (EmulatedClient c : clients) {
                        c.poll(now);
                    }
                    nextPoll = now + POLL_INTERVAL_NANOS;
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("receiver stopped: " + e);
        }
    }

    private int established() {
        int n = 0;
        for (EmulatedClient c : clients) {
            n += c.established ? 1 : 0;
        }
        return n;
    }

    /** True when every client's last client list shows all clients (the server knows everybody's profile). */
    private boolean listsComplete() {
        if (!options.distinctMixes()) {
            return true;
        }
        for (EmulatedClient c : clients) {
            if (c.knownClients() < clients.length) {
                return false;
            }
        }
        return true;
    }

    private int pending() {
        int n = 0;
        for (EmulatedClient c : clients) {
            n += c.pendingMessages();
        }
        return n;
    }

    private static void sleepMs(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
