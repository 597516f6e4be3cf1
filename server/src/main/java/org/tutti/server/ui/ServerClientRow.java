package org.tutti.server.ui;

/**
 * One connected client in the server panel's table.
 *
 * @param jitterBlocks the server-side jitter buffer size for this client, in blocks
 * @param channels     1 (mono) or 2 (stereo)
 */
public record ServerClientRow(String address, String name, int jitterBlocks, int channels) {
}
