package org.tutti.client.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.Instruments;

/**
 * The packaged {@code tutti.jar} carries the 4:3 flags and exactly the instrument pictures the code names, with both
 * licences, and none of the rest of the two webjars; its SVGs render when loaded from the jar.
 */
class PackagedIconsIT {
    private static final Path JAR = Path.of("target", "tutti.jar");
    private static final String WEBJARS = "META-INF/resources/webjars/";

    @Test
    void theJarKeepsOnlyTheFlagsThePicturesAndTheLicences() throws Exception {
        assertThat(JAR).exists();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> files = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith(WEBJARS) && !n.endsWith("/")).toList();
            assertThat(files).allMatch(n -> n.matches(WEBJARS + "flag-icons/[^/]+/flags/4x3/[a-z-]+\\.svg")
                    || n.matches(WEBJARS + "lucide-static/[^/]+/icons/[a-z0-9-]+\\.svg")
                    || n.matches(WEBJARS + "(flag-icons|lucide-static)/[^/]+/LICENSE"));
            assertThat(files.stream().filter(n -> n.contains("/flags/4x3/")).count()).isGreaterThan(250);
            Set<String> pictures = files.stream().filter(n -> n.contains("/icons/"))
                    .map(n -> n.substring(n.lastIndexOf('/') + 1, n.length() - ".svg".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(pictures).isEqualTo(IntStream.range(0, Instruments.COUNT).mapToObj(InstrumentPictures::of)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(TreeSet::new)));
            assertThat(files).filteredOn(n -> n.endsWith("/LICENSE")).hasSize(2);
        }
    }

    @Test
    void theFlagAndAPictureRenderFromTheJar() throws Exception {
        try (URLClassLoader jar = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, null)) {
            for (String path : List.of(WebJarSvgs.flag("DE"), WebJarSvgs.lucide(InstrumentPictures.GUITAR))) {
                FlatSVGIcon icon = new FlatSVGIcon(path, 24, 18, jar);
                assertThat(icon.hasFound()).as(path).isTrue();
                BufferedImage image = new BufferedImage(24, 18, BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = image.createGraphics();
                icon.paintIcon(null, g, 0, 0);
                g.dispose();
                long painted = IntStream.range(0, 24 * 18).filter(i -> image.getRGB(i % 24, i / 24) >>> 24 != 0).count();
                assertThat(painted).as(path).isGreaterThan(20);
            }
        }
    }
}
