package org.tutti.server.hosting;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows the address to share ({@link SharedAddress}) while a server runs: asks the port mapping's status and the
 * directory's view every {@code period}, tells the listener when the address becomes known or changes, and on a
 * change of a known address runs {@code changed} (a registered server re-registers from its new address). An
 * address that becomes unknown for a while (the router searched again) is not a change: the last one is kept until
 * a different one is learnt. One daemon thread of its own ("address-watch").
 */
public final class AddressWatch implements AutoCloseable {
    /** What the listener hears: the address now, and the one it replaced when it changed (else null). */
    public record Update(SharedAddress current, SharedAddress before) {
        public boolean changed() {
            return before != null;
        }

        /** The log line: "Your address changed: friends now connect to …" or the address as first learnt. */
        public String describe() {
            return changed() ? "external address changed: friends now connect to " + current.describe()
                    + " (was " + before.text() + ")" : "friends connect to " + current.describe();
        }
    }

    private final Supplier<PortMappingStatus> mapping;
    private final Supplier<InetSocketAddress> seenByDirectory;
    private final Consumer<Update> listener;
    private final Runnable changed;
    private final ScheduledExecutorService thread;
    private volatile Update last;

    private AddressWatch(Supplier<PortMappingStatus> mapping, Supplier<InetSocketAddress> seenByDirectory,
                         Consumer<Update> listener, Runnable changed) {
        this.mapping = Objects.requireNonNull(mapping);
        this.seenByDirectory = Objects.requireNonNull(seenByDirectory);
        this.listener = Objects.requireNonNull(listener);
        this.changed = Objects.requireNonNull(changed);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "address-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching; the first look is at once. */
    public static AddressWatch start(Duration period, Supplier<PortMappingStatus> mapping,
                                     Supplier<InetSocketAddress> seenByDirectory, Consumer<Update> listener,
                                     Runnable changed) {
        AddressWatch watch = new AddressWatch(mapping, seenByDirectory, listener, changed);
        watch.thread.scheduleWithFixedDelay(watch::look, 0, Math.max(1, period.toMillis()), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** The last update, or null while no address is known. */
    public Update last() {
        return last;
    }

    private void look() {
        try {
            PortMappingStatus status = mapping.get();
            SharedAddress now = SharedAddress.choose(status, seenByDirectory.get()).orElse(null);
            if (now != null && now.source() == SharedAddress.Source.DIRECTORY && status != null
                    && status.state() == PortMappingStatus.State.SEARCHING) {
                now = null; // the router is being asked again: wait for its answer rather than flip to the directory's
            }
            Update before = last;
            Update next = next(before, now);
            if (next != before) {
                last = next;
                listener.accept(next);
                if (before != null && !before.current().address().equals(next.current().address())) {
                    changed.run();
                }
            }
        } catch (RuntimeException e) {
            // the engine is closing, or a listener failed: look again next time rather than stop watching
        }
    }

    /** The update that follows {@code last} when {@code now} is seen: {@code last} itself when nothing changed. */
    static Update next(Update last, SharedAddress now) {
        if (now == null) {
            return last;
        }
        if (last == null) {
            return new Update(now, null);
        }
        if (last.current().address().equals(now.address())) {
            // Same address: a new source alone (the mapping came or went) is news, not a change.
            return last.current().source() == now.source() ? last : new Update(now, last.before());
        }
        return new Update(now, last.current());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
