package org.tutti.server.directory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.MessageCodec;

/** A sink that puts every message through the real codec (frame and back) and keeps what would have been sent. */
final class WireSink implements ClmSink {
    record Sent(ConnectionlessMessage message, InetSocketAddress to) {
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(ConnectionlessMessage message, InetSocketAddress to) {
        byte[] frame = MessageCodec.encodeFrame(message, 0);
        try {
            sent.add(new Sent((ConnectionlessMessage) MessageCodec.decodeFrame(frame, 0, frame.length), to));
        } catch (MalformedMessageException e) {
            throw new AssertionError("we sent something a Jamulus peer would reject: " + message, e);
        }
    }

    <T extends ConnectionlessMessage> List<T> of(Class<T> type) {
        return sent.stream().map(Sent::message).filter(type::isInstance).map(type::cast).toList();
    }

    List<Sent> drain() {
        List<Sent> copy = List.copyOf(sent);
        sent.clear();
        return copy;
    }
}
