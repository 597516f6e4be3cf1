package org.tutti.client.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javax.swing.SwingUtilities;
import org.tutti.client.cli.ClientControl;
import org.tutti.client.cli.ClientRpc;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.engine.ClientStatus;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.MainWindow;
import org.tutti.protocol.ChannelInfo;
import org.tutti.rpc.JsonRpcServer;

/**
 * The headless client's JSON-RPC methods and notifications ({@link ClientRpc}) in the desktop app, acting through the
 * window: a fader set over JSON-RPC moves the strip, "mute myself" ticks the box, a new name goes into the profile the
 * settings dialog edits. Notifications come from every engine the session builds, so JSON-RPC survives an engine
 * rebuild (new audio device, buffer size). JSON-RPC threads never wait for the EDT: window changes are posted with
 * {@code invokeLater}, engine changes go to the engine's own thread, and reads use the engine's volatile snapshots.
 */
final class DesktopRpc implements ClientControl {
    private final JsonRpcServer rpc;
    private final ClientRpc clientRpc;
    private final EngineSession session;
    private volatile MainWindow window;

    /** Call before the session builds its first engine, so that engine already reports to JSON-RPC. */
    DesktopRpc(JsonRpcServer rpc, EngineSession session) {
        this.rpc = rpc;
        this.session = session;
        this.clientRpc = new ClientRpc(rpc);
        session.alsoNotify(clientRpc);
    }

    /** Binds the methods to {@code w} and starts accepting connections (EDT, once the window exists). */
    void start(MainWindow w) {
        window = w;
        clientRpc.bind(this);
        rpc.start();
    }

    /** Lets the MIDI methods switch the desktop's MIDI input. */
    void attachMidi(MidiSession midi) {
        clientRpc.attachMidi(midi);
    }

    void close() {
        clientRpc.close();
        rpc.close();
    }

    private ClientEngine engine() {
        return session.engine();
    }

    @Override
    public ChannelInfo profile() {
        return engine().currentProfile();
    }

    @Override
    public void updateProfile(UnaryOperator<ChannelInfo> change) {
        engine().updateProfile(change);
        MainWindow w = window;
        SwingUtilities.invokeLater(() -> {
            // The settings are the window's model of the profile: the dialog shows them and they are saved.
            ClientSettings.Profile p = w.settings().profile;
            ChannelInfo next = change.apply(EngineFactory.profile(w.settings()));
            p.name = next.name();
            p.instrument = next.instrument();
            p.skill = next.skill();
        });
    }

    @Override
    public void setFader(int channelId, int level) {
        session.fader(channelId, level); // through the mixer model, which then redraws the strip
    }

    @Override
    public void setMuteMyself(boolean muted) {
        session.muteMyself(muted);
        MainWindow w = window;
        SwingUtilities.invokeLater(() -> w.showMuteMyself(muted));
    }

    @Override
    public void sendChat(String text) {
        session.sendChat(text); // the server echoes it to everyone, this window's chat included
    }

    @Override
    public Path startRecording(Path parent) throws IOException {
        MainWindow w = window;
        Path take = session.startRecording(parent != null ? parent : w.recordingFolder());
        SwingUtilities.invokeLater(() -> w.showRecording(take));
        return take;
    }

    @Override
    public Path stopRecording() {
        Path take = session.stopRecording();
        MainWindow w = window;
        SwingUtilities.invokeLater(() -> w.showRecording(null));
        return take;
    }

    @Override
    public ClientStatus status() {
        return engine().status();
    }
}
