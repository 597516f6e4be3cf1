package org.tutti.client.ui;

import java.util.concurrent.TimeUnit;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.settings.ClientSettings;

/** A real client engine with paced fake audio (silence), connected to a server on 127.0.0.1 under a profile. */
public final class FakeMusician {
    private FakeMusician() {
    }

    public static ClientEngine connect(String address, String name, int instrument, int country, String city)
            throws Exception {
        return connect(address, name, instrument, country, city, new ClientListener() { });
    }

    public static ClientEngine connect(String address, String name, int instrument, int country, String city,
                                ClientListener listener) throws Exception {
        ClientSettings s = new ClientSettings();
        s.profile.name = name;
        s.profile.instrument = instrument;
        s.profile.country = country;
        s.profile.city = city;
        ClientEngine engine = new ClientEngine(EngineFactory.options(s, new PacedFakeBackend(), false),
                listener);
        engine.setProfile(EngineFactory.profile(s));
        engine.connect(address).get(10, TimeUnit.SECONDS);
        return engine;
    }
}
