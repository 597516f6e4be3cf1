/**
 * Connection-level networking on top of {@link org.tutti.protocol}: the per-connection reliable channel
 * ({@link org.tutti.net.ReliableChannel}) and the sink through which it emits datagrams, and the server's batch UDP
 * socket ({@link org.tutti.net.BatchUdpSocket}: {@code recvmmsg}/{@code sendmmsg} through the FFM API on Linux, the
 * JDK's {@code DatagramChannel} elsewhere) with its compact peer keys ({@link org.tutti.net.UdpEndpoint}).
 */
package org.tutti.net;
