package org.tutti;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Tutti's version. On the wire it stands where Jamulus puts its own version, so it starts with the Jamulus
 * release whose protocol it speaks (peers parse the leading numbers: ≥ 3.6.0 enables sequence numbers)
 * and stays within 3.9.1's limit of 30 characters.
 */
public final class Version {
    /** The longest version text a Jamulus 3.9.1–3.11 peer accepts. */
    public static final int MAX_WIRE_LENGTH = 30;
    private static final String VERSION = load();

    private Version() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isEmpty() || v.length() > MAX_WIRE_LENGTH || v.contains("${")) {
                throw new IllegalStateException("bad version text in version.properties: " + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
