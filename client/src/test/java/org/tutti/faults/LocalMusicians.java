package org.tutti.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.engine.ClientOptions;
import org.tutti.client.ui.PacedFakeBackend;
import org.tutti.protocol.ChannelInfo;
import org.tutti.server.engine.ClientSnapshot;
import org.tutti.server.engine.ServerEngine;
import org.tutti.testing.Await;

/** Real Tutti client engines (paced fake audio) joining an in-process server, for the fault tests. */
final class LocalMusicians {
    private LocalMusicians() {
    }

    static ClientEngine connect(ServerEngine server, String name, String city) throws Exception {
        ClientOptions options = ClientOptions.defaults(new PacedFakeBackend(), name)
                .withProfile(new ChannelInfo(0, 0, 0, name, city));
        ClientEngine engine = new ClientEngine(options, new ClientListener() { });
        engine.connect("127.0.0.1:" + server.port()).get(10, TimeUnit.SECONDS);
        return engine;
    }

    /** The server's clients once {@code n} of them have sent their names (fails after 10 s). */
    static List<ClientSnapshot> awaitNamed(ServerEngine server, int n) {
        return Await.value(n + " named clients", Duration.ofSeconds(10), server::clients,
                clients -> clients.stream().filter(c -> !c.info().name().isEmpty()).count() >= n);
    }
}
