package org.tutti.server.recorder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.text.Normalizer;

/** File and track names of the recorder, in Jamulus's scheme (protocol doc §8.3). */
final class TrackNames {
    private TrackNames() {
    }

    /** Letters and digits kept (accents folded to ASCII), anything else {@code _}. */
    static String sanitise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            boolean asciiAlnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            sb.append(asciiAlnum ? c : '_');
        }
        return sb.toString();
    }

    /** The musician part: sanitised name padded with {@code _} to at least four characters. */
    static String namePart(String name) {
        StringBuilder sb = new StringBuilder(sanitise(name == null ? "" : name));
        while (sb.length() < 4) {
            sb.append('_');
        }
        return sb.toString();
    }

    /** The address part: IPv4 with the last octet hidden (except loopback) and the port, e.g. {@code 192_168_1_x_5000}. */
    static String addressPart(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : ip.getHostAddress();
        if (ip != null && ip.getAddress().length == 4 && !ip.isLoopbackAddress()) {
            host = host.substring(0, host.lastIndexOf('.') + 1) + "x";
        }
        return sanitise(host + ":" + address.getPort());
    }

    /** {@code NAME-ADDR-startFrame-channels} without the clash suffix and extension. */
    static String fileStem(String name, InetSocketAddress address, long startFrame, int channels) {
        return namePart(name) + "-" + addressPart(address) + "-" + startFrame + "-" + channels;
    }
}
