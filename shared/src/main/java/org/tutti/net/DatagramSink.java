package org.tutti.net;

/**
 * Where a {@link ReliableChannel} puts its datagrams (frames and ACKs), e.g. a UDP socket bound to the peer's
 * address. The array is only valid during the call: copy it if you keep it.
 */
@FunctionalInterface
public interface DatagramSink {
    void send(byte[] datagram, int offset, int length);
}
