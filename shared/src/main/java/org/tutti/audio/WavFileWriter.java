package org.tutti.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 16-bit PCM WAV file whose header is valid at every moment: each {@link #flush()} writes the audio
 * first and then patches the RIFF and data sizes to cover exactly what is on disk, so a crash or power cut
 * leaves a file that players open (Jamulus patches the sizes only at the end). Used by the server's jam recorder
 * and the client's home recorder; one thread writes.
 */
public final class WavFileWriter implements AutoCloseable {
    public static final int HEADER_BYTES = 44;
    public static final int SAMPLE_RATE = 48_000;

    private final Path path;
    private final FileChannel channel;
    private final int channels;
    private final ByteBuffer pending;
    private final ByteBuffer sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;

    /**
     * @param bufferedFrames sample frames (per channel) held in memory between flushes
     */
    public WavFileWriter(Path path, int channels, int bufferedFrames) throws IOException {
        this.path = path;
        this.channels = channels;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.pending = ByteBuffer.allocate(bufferedFrames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        try {
            writeHeader();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public int channels() {
        return channels;
    }

    /** Sample frames (per channel) written so far, flushed or not. */
    public long frames() {
        return (dataBytes + pending.position()) / (2L * channels);
    }

    /** Appends interleaved samples; flushes when the buffer is full. */
    public void write(short[] pcm, int offset, int sampleFrames) throws IOException {
        int values = sampleFrames * channels;
        for (int i = 0; i < values; i++) {
            if (!pending.hasRemaining()) {
                flush();
            }
            pending.putShort(pcm[offset + i]);
        }
    }

    /** Writes buffered audio, then makes the header describe it. */
    public void flush() throws IOException {
        pending.flip();
        long position = HEADER_BYTES + dataBytes;
        while (pending.hasRemaining()) {
            position += channel.write(pending, position);
        }
        dataBytes = position - HEADER_BYTES;
        pending.clear();
        patchSize(4, 36 + dataBytes);
        patchSize(40, dataBytes);
    }

    private void patchSize(long offset, long value) throws IOException {
        sizes.clear();
        sizes.putInt((int) Math.min(value, 0xFFFF_FFFFL));
        sizes.flip();
        while (sizes.hasRemaining()) {
            channel.write(sizes, offset + sizes.position());
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * channels * 2).putShort((short) (channels * 2))
                .putShort((short) 16);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt(0);
        h.flip();
        while (h.hasRemaining()) {
            channel.write(h, h.position());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            channel.force(true);
        } finally {
            channel.close();
        }
    }
}
