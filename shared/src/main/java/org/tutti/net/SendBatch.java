package org.tutti.net;

/**
 * Datagrams collected by one thread and sent together ({@code sendmmsg} on Linux). The bytes are copied at
 * {@link #add}, so the caller may reuse its array at once. A full batch flushes by itself. Owned by one thread;
 * each sending thread has its own batch. Failures are counted, never thrown.
 */
public interface SendBatch {
    /** Queues one datagram to {@code to}. */
    void add(UdpEndpoint to, byte[] data, int offset, int length);

    /** Sends everything queued; returns how many datagrams the kernel accepted. */
    int flush();

    /** Datagrams accepted by the kernel since the last call (then reset). */
    int takeSent();

    /** Datagrams that could not be sent since the last call (then reset). */
    int takeErrors();
}
