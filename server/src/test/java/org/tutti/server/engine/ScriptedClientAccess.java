package org.tutti.server.engine;

import java.time.Duration;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.Message;

/** {@link ScriptedClient} for tests outside this package. */
public final class ScriptedClientAccess implements AutoCloseable {
    private final ScriptedClient client;

    public ScriptedClientAccess(int serverPort) {
        client = new ScriptedClient(serverPort);
    }

    /** Opens a channel with an audio-sized datagram and returns the channel ID from CLIENT_ID. */
    public int connect() {
        client.sendSilentAudio(46);
        ConnectedMessage.ClientId id = client.await(ConnectedMessage.ClientId.class, Duration.ofSeconds(5));
        if (id == null) {
            throw new AssertionError("no CLIENT_ID");
        }
        return id.channelId();
    }

    public void send(ConnectedMessage message) {
        client.send(message);
    }

    public <T extends Message> T await(Class<T> type, Duration timeout) {
        return client.await(type, timeout);
    }

    @Override
    public void close() {
        client.close();
    }
}
