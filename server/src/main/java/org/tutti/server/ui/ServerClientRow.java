package org.tutti.server.ui;

/**
 * One connected client in the server panel's table.
 *
 * @param jitterBlocks the server-side jitter buffer size for this client, in blocks
 * @param channels     1 (mono) or 2 (stereo)
 * @param kbps         what this musician's stream costs each way on an IP network, kbit/s (0 before its format is known)
 * @param id           the server's channel ID, which kick and ban act on (-1 when not known: nothing to act on)
 * @param lobby        waiting in the password lobby (not heard, not listed): can be admitted
 */
public record ServerClientRow(String address, String name, int jitterBlocks, int channels, double kbps, int id,
                              boolean lobby) {
    /** Admitted (or a server without password). */
    public ServerClientRow(String address, String name, int jitterBlocks, int channels, double kbps, int id) {
        this(address, name, jitterBlocks, channels, kbps, id, false);
    }

    /** Before the stream format is known. */
    public ServerClientRow(String address, String name, int jitterBlocks, int channels) {
        this(address, name, jitterBlocks, channels, 0, -1, false);
    }

    /** Without a channel ID (a panel that only shows). */
    public ServerClientRow(String address, String name, int jitterBlocks, int channels, double kbps) {
        this(address, name, jitterBlocks, channels, kbps, -1, false);
    }
}
