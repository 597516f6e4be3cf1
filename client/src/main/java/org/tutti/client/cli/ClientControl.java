package org.tutti.client.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientStatus;
import org.tutti.client.settings.ClientSettings;
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

    /**
     * Starts recording at home into a new take folder under {@code parent}, or under the chosen recording folder when
     * null; returns the take folder.
     */
    Path startRecording(Path parent) throws IOException;

    /** Stops recording; returns the take folder, or null when nothing was recording. */
    Path stopRecording();

    /** The headless client: straight to the engine. */
    static ClientControl of(ClientEngine engine) {
        return of(engine, ClientSettings.Recording.defaultFolder());
    }

    /** The headless client, recording under {@code recordingFolder} unless told otherwise. */
    static ClientControl of(ClientEngine engine, Path recordingFolder) {
        return new ClientControl() {
            @Override
            public Path startRecording(Path parent) throws IOException {
                return engine.startRecording(parent != null ? parent : recordingFolder);
            }

            @Override
            public Path stopRecording() {
                return engine.stopRecording();
            }

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
