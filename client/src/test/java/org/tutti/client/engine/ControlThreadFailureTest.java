package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.PacedFakeBackend;
import org.tutti.protocol.ChannelInfo;
import org.tutti.server.engine.ServerConfig;
import org.tutti.server.engine.ServerEngine;
import org.tutti.testing.Await;

/**
 * An Error escaping the client engine's periodic tick (issue #10): here a listener that overflows its stack when the
 * tick reports a lost server. Before, the scheduled tick was cancelled for good and the client went deaf: no more
 * pings, resends or time-outs, so a second lost server was never noticed. Real Tutti servers over real UDP.
 */
class ControlThreadFailureTest {

    @Test
    void aFailingListenerDoesNotStopTheTick() throws Exception {
        BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        ClientListener listener = new ClientListener() {
            @Override
            public void disconnected(String reason) {
                if (failOnce.getAndSet(false)) {
                    // thrown inside the tick's time-out handling (not provoked: see EngineThreadFailureTest)
                    throw new StackOverflowError("raised by the test");
                }
                disconnects.add(reason);
            }
        };
        ClientOptions options = ClientOptions.defaults(new PacedFakeBackend(), "Alice")
                .withProfile(new ChannelInfo(0, 0, 0, "Alice", ""));
        ClientEngine client = new ClientEngine(options, listener, TimeUnit.MILLISECONDS.toNanos(600));
        try {
            try (ServerEngine first = ServerEngine.start(ServerConfig.defaults(0, 4), null)) {
                client.connect("127.0.0.1:" + first.port()).get(10, TimeUnit.SECONDS);
                awaitChannel(client);
            } // the server goes away: the tick times out and the listener fails
            awaitDisconnected(client);
            // the listener runs just after the status turns disconnected
            Await.holdsWithin(Duration.ofSeconds(5), () -> client.internalErrors() > 0);
            assertThat(client.internalErrors()).isEqualTo(1);

            try (ServerEngine second = ServerEngine.start(ServerConfig.defaults(0, 4), null)) {
                client.connect("127.0.0.1:" + second.port()).get(10, TimeUnit.SECONDS);
                awaitChannel(client);
            }
            assertThat(disconnects.poll(10, TimeUnit.SECONDS)).as("the tick still notices a silent server")
                    .contains("did not send audio");
        } finally {
            client.close();
        }
    }


    private static void awaitChannel(ClientEngine client) {
        Await.until("connected", Duration.ofSeconds(10), () -> client.status().channelId() >= 0);
    }

    private static void awaitDisconnected(ClientEngine client) {
        Await.until("disconnected", Duration.ofSeconds(10), () -> !client.status().connected());
    }
}
