package org.tutti.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tutti.protocol.ChannelInfo;
import org.tutti.protocol.ClientListEntry;
import org.tutti.protocol.ConnectedMessage;
import org.tutti.protocol.DatagramKind;
import org.tutti.protocol.Message;
import org.tutti.protocol.MalformedMessageException;
import org.tutti.protocol.MessageCodec;

/**
 * Protocol costs on the receive path: classifying an audio datagram (done for every packet, must not allocate),
 * decoding a CHANNEL_GAIN frame (the distinct-mix traffic) and a 50-entry CONN_CLIENTS_LIST (sent to everybody on
 * every join).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class ProtocolDecodeBenchmark {
    private final byte[] audio = new byte[46];
    private byte[] gainFrame;
    private byte[] listFrame;

    @Setup
    public void setUp() {
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 37 + 11);
        }
        gainFrame = MessageCodec.encodeFrame(new ConnectedMessage.ChannelGain(7, 20000), 3);
        List<ClientListEntry> list = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            list.add(new ClientListEntry(i, new ChannelInfo(82, 3, 2, "musician " + i, "Berlin")));
        }
        listFrame = MessageCodec.encodeFrame(new ConnectedMessage.ConnClientsList(list), 4);
    }

    @Benchmark
    public DatagramKind classifyAudio() {
        return DatagramKind.classify(audio, 0, audio.length);
    }

    @Benchmark
    public Message decodeChannelGain() throws MalformedMessageException {
        return MessageCodec.decodeFrame(gainFrame, 0, gainFrame.length);
    }

    @Benchmark
    public Message decodeClientList50() throws MalformedMessageException {
        return MessageCodec.decodeFrame(listFrame, 0, listFrame.length);
    }
}
