package org.tutti.net;

import java.net.InetAddress;

/**
 * How to open a {@link BatchUdpSocket}.
 *
 * @param bindAddress        local address, or null for any
 * @param port               local port, 0 = any free port
 * @param ipv6               an IPv6 socket (dual-stack when bound to any: IPv4 peers appear IPv4-mapped)
 * @param tos                IP TOS byte (IPv6: traffic class)
 * @param receiveBufferBytes SO_RCVBUF and SO_SNDBUF asked of the kernel
 * @param batchSize          datagrams per receive call and per send batch
 * @param maxDatagramBytes   longer datagrams are dropped as truncated and counted
 */
public record UdpSocketConfig(InetAddress bindAddress, int port, boolean ipv6, int tos, int receiveBufferBytes,
                              int batchSize, int maxDatagramBytes) {
    public UdpSocketConfig {
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("batchSize must be 1..1024: " + batchSize);
        }
        if (maxDatagramBytes < 1 || maxDatagramBytes > 65507) {
            throw new IllegalArgumentException("maxDatagramBytes must be 1..65507: " + maxDatagramBytes);
        }
    }

    /** A loopback-or-any IPv4 socket on {@code port} with 64-datagram batches of up to 2048 bytes (tests). */
    public static UdpSocketConfig ipv4(InetAddress bind, int port) {
        return new UdpSocketConfig(bind, port, false, 0, 1 << 20, 64, 2048);
    }

    public UdpSocketConfig withMaxDatagramBytes(int bytes) {
        return new UdpSocketConfig(bindAddress, port, ipv6, tos, receiveBufferBytes, batchSize, bytes);
    }

    public UdpSocketConfig withIpv6(boolean on) {
        return new UdpSocketConfig(bindAddress, port, on, tos, receiveBufferBytes, batchSize, maxDatagramBytes);
    }
}
