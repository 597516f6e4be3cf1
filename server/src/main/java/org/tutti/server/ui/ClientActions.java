package org.tutti.server.ui;

import java.net.InetAddress;
import java.time.Duration;

/**
 * What the server panel's musician menu and bans list ask of the running server (called on the EDT). The panel's
 * {@link ServerPanelBinding} carries them out on its worker thread; a panel without a binding does nothing.
 */
public interface ClientActions {
    ClientActions NONE = new ClientActions() {
        @Override
        public void admit(int id) {
        }

        @Override
        public void kick(int id) {
        }

        @Override
        public void ban(int id, Duration length) {
        }

        @Override
        public void unban(InetAddress address) {
        }
    };

    /** Let client {@code id} in from the password lobby without the password. */
    void admit(int id);

    /** Disconnect client {@code id} (it may come back after a minute). */
    void kick(int id);

    /** Ban client {@code id}'s IP address for {@code length}, or until unbanned when null, and disconnect it. */
    void ban(int id, Duration length);

    /** End the ban of {@code address}. */
    void unban(InetAddress address);
}
