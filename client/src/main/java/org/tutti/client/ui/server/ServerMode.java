package org.tutti.client.ui.server;

import javax.swing.JComponent;
import org.tutti.client.ui.I18n;

/**
 * The built-in server behind the "Run my own server" switch. {@link #start()} and {@link #stop()} are called on the
 * EDT and must hand the work to the server's own threads.
 */
public interface ServerMode {
    /** False when this build has no server engine; the switch then says so instead of starting. */
    boolean available();

    /** Starts the server; returns a problem to show, or "" on success. */
    String start();

    void stop();

    /** The panel with clients, server info, welcome message, recorder and options. */
    JComponent panel();

    /** Address the local client uses to join ("127.0.0.1:port"). */
    String joinAddress();

    /** A build without a server engine. */
    ServerMode NONE = new ServerMode() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String start() {
            return I18n.tr("server.notAvailable");
        }

        @Override
        public void stop() {
        }

        @Override
        public JComponent panel() {
            return new javax.swing.JLabel(I18n.tr("server.notAvailable"));
        }

        @Override
        public String joinAddress() {
            return "";
        }
    };
}
