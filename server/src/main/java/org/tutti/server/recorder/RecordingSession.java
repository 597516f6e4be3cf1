package org.tutti.server.recorder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tutti.audio.WavFileWriter;

/**
 * One recording: a {@code Jam-yyyyMMdd-HHmmssSSS} folder with one WAV per musician connection and the
 * Audacity and REAPER indexes. Owned by the recorder's writer thread.
 */
final class RecordingSession implements AutoCloseable {
    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    /** About 100 ms of audio is held in memory per track: what a crash could lose. */
    private static final int BUFFERED_FRAMES = 4800;

    private final Path folder;
    private final Instant started;
    private final int serverFrameSamples;
    private final Map<Integer, OpenTrack> open = new HashMap<>();
    private final List<SessionIndex.Item> closedItems = new ArrayList<>();
    private long frameIndex;

    private record OpenTrack(WavFileWriter wav, String name, InetSocketAddress address, long startFrame) {
    }

    RecordingSession(Path baseDir, Instant started, int serverFrameSamples) throws IOException {
        this.started = started;
        this.serverFrameSamples = serverFrameSamples;
        Path candidate = baseDir.resolve("Jam-" + FOLDER_TIME.format(started));
        for (int k = 1; Files.exists(candidate); k++) {
            candidate = baseDir.resolve("Jam-" + FOLDER_TIME.format(started) + "_" + k);
        }
        this.folder = Files.createDirectories(candidate);
    }

    Path folder() {
        return folder;
    }

    /** Appends one server frame of a musician's decoded input. */
    void write(int channelId, String name, InetSocketAddress address, int channels, short[] pcm, int offset,
               int sampleFrames) throws IOException {
        OpenTrack track = open.get(channelId);
        if (track != null && (track.wav().channels() != channels || !track.address().equals(address))) {
            closeTrack(channelId);
            track = null;
        }
        if (track == null) {
            track = new OpenTrack(newWav(name, address, channels), name, address, frameIndex);
            open.put(channelId, track);
        } else if (!track.name().equals(name)) {
            // the track keeps the latest name, as Jamulus names tracks after it
            track = new OpenTrack(track.wav(), name, track.address(), track.startFrame());
            open.put(channelId, track);
        }
        track.wav().write(pcm, offset, sampleFrames);
    }

    /** Marks the end of one server tick: the session clock advances. */
    void endFrame() {
        frameIndex++;
    }

    long frameIndex() {
        return frameIndex;
    }

    /** A musician left: their file is finished and the indexes are rewritten. */
    void closeTrack(int channelId) throws IOException {
        OpenTrack track = open.remove(channelId);
        if (track == null) {
            return;
        }
        long frames = track.wav().frames();
        track.wav().close();
        closedItems.add(new SessionIndex.Item(TrackNames.namePart(track.name()) + "-" + TrackNames.addressPart(track.address()),
                track.wav().path(), track.startFrame(), frames));
        writeIndexes();
    }

    private WavFileWriter newWav(String name, InetSocketAddress address, int channels) throws IOException {
        String stem = TrackNames.fileStem(name, address, frameIndex, channels);
        Path path = folder.resolve(stem + ".wav");
        for (int k = 1; Files.exists(path); k++) {
            path = folder.resolve(stem + "_" + k + ".wav");
        }
        return new WavFileWriter(path, channels, BUFFERED_FRAMES);
    }

    private void writeIndexes() throws IOException {
        SessionIndex index = new SessionIndex(closedItems, serverFrameSamples);
        String base = folder.getFileName().toString();
        Files.writeString(folder.resolve(base + ".lof"), index.audacityListOfFiles());
        Files.writeString(folder.resolve(base + ".rpp"), index.reaperProject(started.getEpochSecond()));
    }

    /** Finishes every open file and writes the indexes; keeps going past a failing file so others survive. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Integer id : new ArrayList<>(open.keySet())) {
            try {
                closeTrack(id);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
