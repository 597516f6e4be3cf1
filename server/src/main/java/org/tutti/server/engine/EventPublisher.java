package org.tutti.server.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Hands the engine's events to the embedder's {@link ServerEvents} on the {@code server-events} thread, so a slow
 * log file, status page or JSON-RPC client never holds up the engine. Called on the engine thread (control rate
 * only: connects, leaves, chat); what the listener needs is copied before it crosses threads.
 */
final class EventPublisher implements AutoCloseable {
    private final ServerEvents events;
    private final ExecutorService thread;

    EventPublisher(ServerEvents events) {
        this.events = events;
        this.thread = Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("server-events").unstarted(r));
    }

    void clientConnected(int id, String ip, int connectedCount) {
        thread.execute(() -> events.clientConnected(id, ip, connectedCount));
    }

    void clientDisconnected(int id) {
        thread.execute(() -> events.clientDisconnected(id));
    }

    void bansChanged(List<Ban> bans) {
        thread.execute(() -> events.bansChanged(bans));
    }

    void serverIdle() {
        thread.execute(events::serverIdle);
    }

    void chatSent(int senderId, String html) {
        thread.execute(() -> events.chatSent(senderId, html));
    }

    /** The names of the connected channels, in channel order. */
    void clientListChanged(ChannelTable channels) {
        List<String> names = new ArrayList<>();
        ClientChannel[] active = channels.active();
        for (int i = 0; i < channels.activeCount(); i++) {
            if (!active[i].control.lobby) {
                names.add(active[i].control.info.name());
            }
        }
        thread.execute(() -> events.clientListChanged(names));
    }

    void engineFailed(Throwable cause) {
        thread.execute(() -> events.engineFailed(cause));
    }

    /** Lets the events already handed over run (at most 2 s), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
