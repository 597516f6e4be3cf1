package org.tutti.server.recorder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tutti.audio.WavFileWriter;

/** The Audacity list-of-files and the REAPER project that line a session's tracks up (protocol doc §8.4). */
final class SessionIndex {
    /** One finished file: which track it belongs to, where it is, and when it starts (in server frames). */
    record Item(String track, Path file, long startFrame, long sampleFrames) {
    }

    private final Map<String, List<Item>> tracks = new TreeMap<>();
    private final int serverFrameSamples;

    SessionIndex(List<Item> itemsInCloseOrder, int serverFrameSamples) {
        this.serverFrameSamples = serverFrameSamples;
        for (Item item : itemsInCloseOrder) {
            tracks.computeIfAbsent(item.track(), k -> new ArrayList<>()).add(item);
        }
    }

    private String seconds(double s) {
        return String.format(Locale.ROOT, "%.14f", s);
    }

    private double startSeconds(Item item) {
        return item.startFrame() * (double) serverFrameSamples / WavFileWriter.SAMPLE_RATE;
    }

    String audacityListOfFiles() {
        StringBuilder sb = new StringBuilder();
        for (List<Item> items : tracks.values()) {
            for (Item item : items) {
                sb.append("file \"").append(item.file().getFileName()).append("\" offset ")
                        .append(seconds(startSeconds(item))).append('\n');
            }
        }
        return sb.toString();
    }

    String reaperProject(long createdEpochSeconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("<REAPER_PROJECT 0.1 \"5.0\" ").append(createdEpochSeconds).append('\n');
        sb.append("  RECORD_PATH \"\" \"\"\n  SAMPLERATE 48000 0 0\n  TEMPO 120 4 4\n");
        int itemNumber = 0;
        for (Map.Entry<String, List<Item>> track : tracks.entrySet()) {
            String trackId = uuid(track.getKey());
            sb.append("  <TRACK ").append(trackId).append('\n');
            sb.append("    NAME ").append(track.getKey()).append('\n');
            sb.append("    TRACKID ").append(trackId).append('\n');
            int n = 0;
            for (Item item : track.getValue()) {
                sb.append("    <ITEM \n");
                sb.append("      FADEIN 0 0 0 0 0 0\n      FADEOUT 0 0 0 0 0 0\n");
                sb.append("      POSITION ").append(seconds(startSeconds(item))).append('\n');
                sb.append("      LENGTH ").append(seconds(item.sampleFrames() / (double) WavFileWriter.SAMPLE_RATE)).append('\n');
                sb.append("      IGUID ").append(uuid(item.file() + "#i")).append('\n');
                sb.append("      IID ").append(itemNumber++).append('\n');
                sb.append("      NAME ").append(track.getKey()).append(" (").append(++n).append(")\n");
                sb.append("      GUID ").append(uuid(item.file() + "#g")).append('\n');
                sb.append("      <SOURCE WAVE\n");
                sb.append("        FILE \"").append(item.file().toAbsolutePath()).append("\"\n");
                sb.append("      >\n    >\n");
            }
            sb.append("  >\n");
        }
        sb.append(">\n");
        return sb.toString();
    }

    /** Stable ids, so rewriting the project after each track keeps REAPER's identities. */
    private static String uuid(String seed) {
        return "{" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)) + "}";
    }
}
