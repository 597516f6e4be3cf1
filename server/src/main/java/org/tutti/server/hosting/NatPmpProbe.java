package org.tutti.server.hosting;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;

/** Asks one gateway for its public address over NAT-PMP, with RFC 6886's retry schedule cut short. */
final class NatPmpProbe {
    /** RFC 6886 starts at 250 ms and doubles; three tries (1.75 s in all) are plenty on a LAN. */
    private static final int FIRST_WAIT_MS = 250;
    private static final int TRIES = 3;

    private NatPmpProbe() {
    }

    /** The gateway's answer, or empty when it stayed silent (no NAT-PMP there). */
    static Optional<NatPmpAnswer> ask(InetAddress gateway) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(gateway, NatPmpAnswer.PORT));
            byte[] buffer = new byte[64];
            int waitMs = FIRST_WAIT_MS;
            for (int i = 0; i < TRIES; i++, waitMs *= 2) {
                socket.send(new DatagramPacket(NatPmpAnswer.REQUEST, NatPmpAnswer.REQUEST.length));
                socket.setSoTimeout(waitMs);
                Optional<NatPmpAnswer> answer = receive(socket, buffer);
                if (answer.isPresent()) {
                    return answer;
                }
            }
        } catch (IOException e) {
            // unreachable gateway or port closed (ICMP): same as silence
        }
        return Optional.empty();
    }

    private static Optional<NatPmpAnswer> receive(DatagramSocket socket, byte[] buffer) throws IOException {
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            try {
                return Optional.of(NatPmpAnswer.parse(packet.getData(), packet.getLength()));
            } catch (IllegalArgumentException e) {
                // not an answer to us (e.g. a stray announcement): keep waiting
            }
        }
    }
}
