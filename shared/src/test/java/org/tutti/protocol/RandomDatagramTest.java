package org.tutti.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tutti.net.ReliableChannel;

/**
 * 1,000,000 seeded random and mutated datagrams through classifier, codec and a reliable channel: the only
 * outcomes allowed are "audio", a decoded message, or {@link MalformedMessageException}. Most mutations rebuild
 * length and CRC so that the bodies, not just the frame check, get exercised. Every decoded message must also
 * re-encode and decode to itself.
 */
class RandomDatagramTest {
    private static final int DATAGRAMS = 1_000_000;
    private static final int[] IDS = knownIds();

    @Test
    void garbageNeverEscapesAsAnUnexpectedException() throws Exception {
        List<byte[]> seeds = seedFrames();
        SplittableRandom random = new SplittableRandom(20261121L);
        ReliableChannel channel = new ReliableChannel((d, off, len) -> { }, m -> { });
        channel.splitSupported(true);
        int[] outcomes = new int[3]; // audio, decoded, malformed
        for (int i = 0; i < DATAGRAMS; i++) {
            byte[] d = datagram(random, seeds);
            DatagramKind kind = DatagramKind.classify(d, 0, d.length);
            if (kind == DatagramKind.AUDIO) {
                outcomes[0]++;
                continue;
            }
            try {
                Message m = MessageCodec.decodeFrame(d, 0, d.length);
                byte[] again = MessageCodec.encodeFrame(m, 0);
                assertThat(MessageCodec.decodeFrame(again, 0, again.length)).isEqualTo(m);
                outcomes[1]++;
            } catch (MalformedMessageException e) {
                outcomes[2]++;
            }
            if (kind == DatagramKind.CONNECTED) {
                channel.onReceive(d, 0, d.length, i * 1_000_000L);
            }
        }
        System.out.printf("random datagrams: %d audio, %d decoded, %d malformed; channel: %d malformed, %d ignored%n",
                outcomes[0], outcomes[1], outcomes[2], channel.malformed(), channel.ignoredFrames());
        assertThat(outcomes[0] + outcomes[1] + outcomes[2]).isEqualTo(DATAGRAMS);
        // the mix is useful only if every outcome occurs often
        assertThat(Arrays.stream(outcomes).min().orElseThrow()).as(Arrays.toString(outcomes))
                .isGreaterThan(DATAGRAMS / 20);
    }

    private static byte[] datagram(SplittableRandom r, List<byte[]> seeds) {
        byte[] seed = seeds.get(r.nextInt(seeds.size()));
        int id = Frame.id(seed, 0);
        byte[] body = Arrays.copyOfRange(seed, Frame.HEADER_BYTES, seed.length - 2);
        switch (r.nextInt(10)) {
            case 0 -> { // pure noise, sometimes with a zero tag
                byte[] d = new byte[r.nextInt(700)];
                r.nextBytes(d);
                if (d.length > 1 && r.nextBoolean()) {
                    d[0] = 0;
                    d[1] = 0;
                }
                return d;
            }
            case 1 -> { // raw bit flips without fixing the CRC
                byte[] d = seed.clone();
                d[r.nextInt(d.length)] ^= (byte) (1 << r.nextInt(8));
                return d;
            }
            case 2 -> { // random body for a random known ID
                body = new byte[r.nextInt(80)];
                r.nextBytes(body);
                id = IDS[r.nextInt(IDS.length)];
            }
            case 3 -> id = IDS[r.nextInt(IDS.length)]; // a valid body under another ID
            case 4 -> body = Arrays.copyOf(body, r.nextInt(body.length + 8)); // truncate or zero-extend
            case 5 -> { // plant an extreme u16 (string lengths, counts) somewhere
                if (body.length >= 2) {
                    int at = r.nextInt(body.length - 1);
                    int v = switch (r.nextInt(4)) {
                        case 0 -> 0xFFFF;
                        case 1 -> 0;
                        case 2 -> body.length - at;
                        default -> r.nextInt(65536);
                    };
                    body[at] = (byte) v;
                    body[at + 1] = (byte) (v >>> 8);
                }
            }
            case 6 -> { // split container wrapping a random ID and random data
                byte[] data = new byte[r.nextInt(600)];
                r.nextBytes(data);
                body = new byte[4 + data.length];
                int inner = r.nextBoolean() ? IDS[r.nextInt(IDS.length)] : r.nextInt(65536);
                body[0] = (byte) inner;
                body[1] = (byte) (inner >>> 8);
                body[2] = (byte) r.nextInt(4);
                body[3] = (byte) r.nextInt(4);
                System.arraycopy(data, 0, body, 4, data.length);
                id = MessageId.SPECIAL_SPLIT_MESSAGE;
            }
            default -> { // flip 1–3 body bytes
                for (int k = 1 + r.nextInt(3); k > 0 && body.length > 0; k--) {
                    body[r.nextInt(body.length)] = (byte) r.nextInt(256);
                }
            }
        }
        return Frame.build(id, r.nextInt(256), body);
    }

    private static List<byte[]> seedFrames() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String fixture : List.of("jamulus-3.9.1-exchange.txt", "jamulus-3.9.1-directory.txt")) {
            for (CapturedExchangeTest.Line l : CapturedExchangeTest.load(fixture)) {
                if (!l.kind().equals("audio")) {
                    seeds.add(l.bytes());
                }
            }
        }
        MessageCodecTest.everyMessageType().forEach(m -> seeds.add(MessageCodec.encodeFrame(m, 0)));
        return seeds;
    }

    private static int[] knownIds() {
        List<Integer> ids = new ArrayList<>();
        for (Field f : MessageId.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    ids.add(f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
