package org.tutti.server.directory;

import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** Address helpers with Jamulus's definitions. */
public final class NetworkAddresses {
    private NetworkAddresses() {
    }

    /** Private per Jamulus ({@code NetworkUtil::IsPrivateNetworkIP}): 10/8, 127/8, 172.16/12, 192.168/16. */
    public static boolean isPrivate(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        return a0 == 10 || a0 == 127 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168);
    }

    /**
     * This machine's outbound IPv4 interface address, found like Jamulus does: "connect" a UDP socket to a public
     * address (nothing is sent) and read the local address the kernel picked. 127.0.0.1 when there is no route.
     */
    public static Inet4Address outboundAddress() {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.ofLiteral("1.1.1.1"), DirectoryAddress.DEFAULT_PORT));
            if (probe.getLocalAddress() instanceof Inet4Address v4 && !v4.isAnyLocalAddress()) {
                return v4;
            }
        } catch (SocketException | RuntimeException e) {
            // no network: fall through
        }
        return (Inet4Address) InetAddress.ofLiteral("127.0.0.1");
    }
}
