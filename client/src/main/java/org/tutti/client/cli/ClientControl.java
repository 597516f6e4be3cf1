package org.tutti.client.cli;

import java.util.function.UnaryOperator;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientStatus;
import org.tutti.protocol.ChannelInfo;

/**
 * What the client's JSON-RPC methods act on. Headless, that is the engine itself; in the desktop app it is the
 * window, so a change made over JSON-RPC shows in the window as if the musician had made it. Called on JSON-RPC
 * threads: implementations hand work to their own thread and return at once.
 */
public interface ClientControl {
    ChannelInfo profile();

    /** Changes part of the musician's profile (sent to the server when connected). */
    void updateProfile(UnaryOperator<ChannelInfo> change);

    /** Moves the fader of the channel with server id {@code channelId}, 0..100. */
    void setFader(int channelId, int level);

    void setMuteMyself(boolean muted);

    void sendChat(String text);

    ClientStatus status();

    /** The headless client: straight to the engine. */
    static ClientControl of(ClientEngine engine) {
        return new ClientControl() {
            @Override
            public ChannelInfo profile() {
                return engine.currentProfile();
            }

            @Override
            public void updateProfile(UnaryOperator<ChannelInfo> change) {
                engine.updateProfile(change);
            }

            @Override
            public void setFader(int channelId, int level) {
                engine.mixer(m -> m.setFader(channelId, level));
            }

            @Override
            public void setMuteMyself(boolean muted) {
                engine.setMuteMyself(muted);
            }

            @Override
            public void sendChat(String text) {
                engine.sendChat(text);
            }

            @Override
            public ClientStatus status() {
                return engine.status();
            }
        };
    }
}
