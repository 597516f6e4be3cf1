package org.tutti.client.ui.widgets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the icon webjars the build packages (flag-icons, lucide-static) keep their SVGs on the class path. The path
 * holds the webjar's version, which is read from the webjar's own {@code pom.properties}, so the POM alone pins it.
 */
public final class WebJarSvgs {
    /** Country flags, 4:3 (lipis/flag-icons, MIT). */
    public static final String FLAGS = "flag-icons";
    /** Line pictures on a 24 × 24 grid (Lucide, ISC). */
    public static final String LUCIDE = "lucide-static";

    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    private WebJarSvgs() {
    }

    /**
     * The resource path of the flag for an ISO 3166 alpha-2 code (any case). flag-icons files Ascension and Tristan
     * da Cunha under Saint Helena's subdivisions, and has no flag of its own for Ceuta and Melilla (Spain's is flown).
     */
    public static String flag(String iso) {
        String file = switch (iso.toUpperCase(Locale.ROOT)) {
            case "AC" -> "sh-ac";
            case "TA" -> "sh-ta";
            case "EA" -> "es";
            default -> iso.toLowerCase(Locale.ROOT);
        };
        return path(FLAGS, "flags/4x3/" + file + ".svg");
    }

    /** The resource path of a Lucide picture by its name ("guitar"). */
    public static String lucide(String name) {
        return path(LUCIDE, "icons/" + name + ".svg");
    }

    /** {@code META-INF/resources/webjars/<artifact>/<version>/<file>}, or "" when the webjar is not on the class path. */
    static String path(String artifact, String file) {
        String version = VERSIONS.computeIfAbsent(artifact, WebJarSvgs::version);
        return version.isEmpty() ? "" : "META-INF/resources/webjars/" + artifact + "/" + version + "/" + file;
    }

    private static String version(String artifact) {
        String props = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = WebJarSvgs.class.getClassLoader().getResourceAsStream(props)) {
            if (in == null) {
                return "";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }
}
