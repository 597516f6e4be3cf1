package org.tutti.protocol;

import java.util.Arrays;

/**
 * A version number parsed like Qt's {@code QVersionNumber::fromString}: the leading dot-separated numeric
 * components, ignoring any suffix ("3.9.1+dfsg" → 3.9.1, "3.12.4dev-abc" → 3.12.4, "x" → empty). Compared like
 * {@code QVersionNumber::compare}: component by component; when one is a prefix of the other the longer is greater.
 * A 3.9.1 client turns on audio sequence numbers when the server's version is ≥ 3.6.0 (protocol doc §4.4).
 */
public record JamulusVersion(int[] components) implements Comparable<JamulusVersion> {
    /** The first version whose peers understand per-frame sequence numbers. */
    public static final JamulusVersion SEQUENCE_NUMBERS = new JamulusVersion(new int[] {3, 6, 0});
    /** The first version whose clients show pan controls. */
    public static final JamulusVersion PAN = new JamulusVersion(new int[] {3, 5, 4});

    public JamulusVersion {
        components = components.clone();
    }

    /** Parses the leading numeric components of {@code text}; never fails (garbage gives no components). */
    public static JamulusVersion parse(String text) {
        int[] parts = new int[8];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            long value = 0;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && value <= Integer.MAX_VALUE) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || value > Integer.MAX_VALUE) {
                break;
            }
            if (count == parts.length) {
                parts = Arrays.copyOf(parts, count * 2);
            }
            parts[count++] = (int) value;
            if (i < text.length() && text.charAt(i) == '.' ) {
                i++;
            } else {
                break;
            }
        }
        return new JamulusVersion(Arrays.copyOf(parts, count));
    }

    /** True when a peer reporting {@code versionText} gets per-frame audio sequence numbers (≥ 3.6.0). */
    public static boolean supportsSequenceNumbers(String versionText) {
        return parse(versionText).compareTo(SEQUENCE_NUMBERS) >= 0;
    }

    @Override
    public int[] components() {
        return components.clone();
    }

    @Override
    public int compareTo(JamulusVersion other) {
        int common = Math.min(components.length, other.components.length);
        for (int i = 0; i < common; i++) {
            if (components[i] != other.components[i]) {
                return Integer.compare(components[i], other.components[i]);
            }
        }
        return Integer.compare(components.length, other.components.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JamulusVersion(int[] c) && Arrays.equals(c, components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int c : components) {
            sb.append(sb.isEmpty() ? "" : ".").append(c);
        }
        return sb.toString();
    }
}
