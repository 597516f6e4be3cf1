package org.tutti.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.Message;
import org.tutti.protocol.MessageCodec;

/**
 * The connection-less handler wired as the engine wires it, but without an engine: a real server socket, the
 * channel table, the outbox with its answer budget and the hosted roles; answers travel over real UDP to a socket
 * of the test's. Shows the handler needs nothing of {@link ServerEngine}.
 */
class ConnectionlessHandlerTest {
    private static final long SECOND = 1_000_000_000L;

    private final EngineCounters counters = new EngineCounters();
    private ServerSocket serverSocket;
    private ChannelTable channels;
    private ConnectionlessHandler handler;
    private DatagramSocket peer;
    private InetSocketAddress peerAddress;

    @BeforeEach
    void wire() throws Exception {
        serverSocket = new ServerSocket(ServerConfig.defaults(0, 4), counters);
        channels = new ChannelTable(4);
        Outbox outbox = new Outbox(serverSocket, counters, new ClmAnswerBudget(4));
        handler = new ConnectionlessHandler(channels, outbox, new HostedRoles(), counters);
        peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        peer.setSoTimeout(300);
        peerAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.getLocalPort());
    }

    @AfterEach
    void close() {
        peer.close();
        serverSocket.close();
    }

    private void deliver(Message message, ClientChannel known, long nowNs) {
        byte[] frame = MessageCodec.encodeFrame(message, 0);
        handler.onConnectionless(peerAddress, known, frame, frame.length, nowNs);
    }

    private Message receive() throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        peer.receive(p);
        return MessageCodec.decodeFrame(p.getData(), 0, p.getLength());
    }

    @Test
    void aPingWithClientsIsAnsweredOverUdpWithItsTimeAndTheConnectedCount() throws Exception {
        deliver(new ConnectionlessMessage.PingMsWithNumClients(123456, 0), null, SECOND);
        assertThat(receive()).isEqualTo(new ConnectionlessMessage.PingMsWithNumClients(123456, 0));
    }

    @Test
    void aStrangersFloodIsAnsweredOnlyUpToItsBudgetAndTheRestIsCounted() throws Exception {
        int sent = 100;
        for (int i = 0; i < sent; i++) {
            deliver(new ConnectionlessMessage.PingMs(i), null, SECOND);
        }
        int answered = 0;
        try {
            while (true) {
                receive();
                answered++;
            }
        } catch (SocketTimeoutException drained) {
            // every answer that was sent has arrived
        }
        assertThat(answered).isEqualTo((int) ClmAnswerBudget.ANSWER_BURST);
        assertThat(counters.clmAnswersDropped).isEqualTo((long) (sent - ClmAnswerBudget.ANSWER_BURST));
    }

    @Test
    void aKnownClientsDisconnectionMarksItsChannelAndIsNotAnswered() throws Exception {
        ClientChannel known = channels.slot(2);
        deliver(new ConnectionlessMessage.Disconnection(), known, SECOND);
        assertThat(known.control.disconnectRequested).isTrue();
        assertThat(channels.slot(1).control.disconnectRequested).isFalse();
        try {
            receive();
            throw new AssertionError("a disconnection got an answer");
        } catch (SocketTimeoutException expected) {
            // nothing came back
        }
    }
}
