package org.tutti.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads a JNI library packaged in the jar under {@code native/<platform>/}. The library is copied to a
 * temporary file first because the JVM can only load native code from the file system.
 */
public final class NativeLibraryLoader {
    private NativeLibraryLoader() {
    }

    /** The platform folder name used inside the jar, e.g. {@code linux-x86-64}. */
    public static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osPart = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : os;
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osPart + "-" + archPart;
    }

    static void load(String name) {
        String file = System.mapLibraryName(name);
        String resource = "/native/" + platform() + "/" + file;
        try (InputStream in = NativeLibraryLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("Tutti has no native " + name + " library for platform " + platform()
                        + " (looked for " + resource + "). Build it on this platform with"
                        + " './mvnw -pl shared package' (needs gcc and the opus 1.3.1 source, see README).");
            }
            Path tmp = Files.createTempFile("tutti-" + name + "-", "-" + file);
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("cannot unpack native library " + resource + ": " + e.getMessage());
        }
    }
}
