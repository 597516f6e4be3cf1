package org.tutti.server.engine;

import java.net.InetSocketAddress;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.RecorderState;
import org.tutti.server.directory.DirectoryRole;
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.directory.ServerInfo;
import org.tutti.server.recorder.JamRecorder;

/**
 * The components the engine hosts on its thread: the directory role of {@code -e} (registrar or directory; sees
 * every CLM first, polled about every 10 ms) and the jam recorder of {@code -R} (fed each tick with every
 * channel's decoded input). Engine thread only, except {@link #recorder()} which any thread may read.
 */
final class HostedRoles implements HostedRolesPort {
    private static final long DIRECTORY_POLL_NANOS = 10_000_000L;

    private DirectoryRole directory;
    private long nextDirectoryPollNs;
    private volatile JamRecorder recorder;

    /** Hosts {@code role}; a role hosted before is shut down first (it unregisters), as when the window switches. */
    void hostDirectory(DirectoryRole role, long nowNs) {
        if (directory != null && directory != role) {
            directory.shutdown();
        }
        directory = role;
        role.start(nowNs / 1_000_000L);
    }

    void hostRecorder(JamRecorder jamRecorder) {
        recorder = jamRecorder;
    }

    JamRecorder recorder() {
        return recorder;
    }

    RegistrationStatus registrationStatus() {
        return directory == null ? RegistrationStatus.NOT_REGISTERED : directory.registrationStatus();
    }

    String directoryText() {
        return directory == null ? "" : directory.directoryText();
    }

    /** This server's public address as its directory lists it, or null (not registered, or not told). */
    java.net.InetSocketAddress seenByDirectory() {
        return directory == null || directory.registrar() == null ? null : directory.registrar().seenByDirectory();
    }

    /** The external address changed: a registered server registers again at once from the new one. */
    void reRegister(long nowNs) {
        if (directory != null && directory.registrar() != null) {
            directory.registrar().reRegister(nowNs / 1_000_000L);
        }
    }

    /** A new server name: a registered server re-registers with it at once. */
    void rename(String name, long nowNs) {
        if (directory != null) {
            ServerInfo old = directory.info();
            directory.updateInfo(ServerInfo.truncating(name, old.city(), old.country()), nowNs / 1_000_000L);
        }
    }

    /** New name, city and country: a registered server re-registers with them at once. */
    void updateInfo(String name, String city, int country, long nowNs) {
        if (directory != null) {
            directory.updateInfo(ServerInfo.truncating(name, city, country), nowNs / 1_000_000L);
        }
    }

    @Override
    public boolean offerToDirectory(ConnectionlessMessage message, InetSocketAddress from, long nowNs) {
        return directory != null && directory.onMessage(message, from, nowNs / 1_000_000L);
    }

    @Override
    public RecorderState recorderState() {
        JamRecorder r = recorder;
        return r == null ? RecorderState.NOT_INITIALISED : RecorderState.fromCode(r.state().wireValue());
    }

    void poll(long nowNs) {
        if (directory != null && nowNs - nextDirectoryPollNs >= 0) {
            nextDirectoryPollNs = nowNs + DIRECTORY_POLL_NANOS;
            directory.poll(nowNs / 1_000_000L);
        }
    }

    /** Hands this tick's decoded input of every connected channel to the recorder (allocation free). */
    void record(ClientChannel[] active, int count, int frameSamples) {
        JamRecorder r = recorder;
        if (r == null || !r.isRecording() || count == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            ClientChannel c = active[i];
            // Until the client's transport properties arrive its channel count is unknown and nothing is decoded;
            // recording then would start a mono stub file that is replaced a few frames later.
            if (c.control.props != null && !c.control.lobby) { // nobody hears the lobby: nor does the recorder
                r.frame(c.id, c.control.info.name(), c.address, c.control.audioChannels, c.input.decoded, 0,
                        frameSamples);
            }
        }
        r.endOfTick();
    }

    void channelGone(int id, boolean serverIdle) {
        JamRecorder r = recorder;
        if (r != null) {
            r.channelGone(id);
            if (serverIdle) {
                r.serverIdle();
            }
        }
    }

    /** Orderly shutdown of the directory role: unregister, or save the directory file. */
    void shutdown() {
        if (directory != null) {
            directory.shutdown();
        }
    }
}
