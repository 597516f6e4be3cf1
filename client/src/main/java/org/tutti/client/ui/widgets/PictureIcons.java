package org.tutti.client.ui.widgets;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import com.formdev.flatlaf.util.UIScale;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.swing.Icon;
import org.tutti.client.ui.CountryNames;
import org.tutti.client.ui.Instruments;
import org.tutti.client.ui.ThemeColours;

/**
 * Flags and instrument pictures from the packaged icon sets, rendered by FlatSVGIcon. Each icon is made once per
 * size and kept (a strip re-renders on every level update); the theme's colours are read when painting, so a cached
 * icon follows a switch between light and dark.
 */
public final class PictureIcons {
    /** Empty for a flag the set does not have, so a missing file is looked for once too. */
    private static final Map<String, Optional<Icon>> CACHE = new ConcurrentHashMap<>();
    /** The picture fills this share of its badge (Lucide draws on a 24-unit grid with 2-unit margins). */
    private static final float PICTURE_SHARE = 0.66f;

    private PictureIcons() {
    }

    /** The flag of a Qt country code, {@code heightPx} high and 4:3 wide, or null for any country and regions. */
    public static FlatSVGIcon flag(int qtCountry, int heightPx) {
        String iso = CountryNames.iso(qtCountry);
        if (iso.isEmpty()) {
            return null;
        }
        Optional<Icon> icon = CACHE.computeIfAbsent("flag:" + iso + ":" + heightPx,
                k -> Optional.ofNullable(svg(WebJarSvgs.flag(iso), heightPx * 4 / 3, heightPx)));
        return icon.orElse(null) instanceof FlatSVGIcon f ? f : null;
    }

    /**
     * A round badge in the instrument family's colour with the instrument's picture on it, or with its two letters
     * when the icon set has no fitting picture; nothing is painted for "no instrument".
     */
    public static Icon instrument(int code, int sizePx) {
        return CACHE.computeIfAbsent("instrument:" + code + ":" + sizePx, k -> {
            FlatSVGIcon picture = picture(code, Math.round(sizePx * PICTURE_SHARE));
            return Optional.of(picture == null ? Icons.instrument(code, sizePx) : new Badge(code, sizePx, picture));
        }).orElseThrow();
    }

    /**
     * A new monochrome picture of an instrument in the badge's letter colour, or null when it keeps its letters
     * (uncached: {@link #instrument} keeps the badges).
     */
    static FlatSVGIcon picture(int code, int sizePx) {
        String name = InstrumentPictures.of(code);
        if (name == null) {
            return null;
        }
        FlatSVGIcon icon = svg(WebJarSvgs.lucide(name), sizePx, sizePx);
        if (icon == null) {
            return null;
        }
        // Lucide strokes in currentColor; every colour becomes the theme's, keeping its opacity.
        icon.setColorFilter(new FlatSVGIcon.ColorFilter(c -> {
            Color t = ThemeColours.get(ThemeColours.INSTRUMENT_LETTERS);
            return new Color(t.getRed(), t.getGreen(), t.getBlue(), c.getAlpha());
        }));
        return icon;
    }

    /** The icon, or null when the resource is missing (a build without the webjar): callers fall back to text. */
    private static FlatSVGIcon svg(String resource, int widthPx, int heightPx) {
        ClassLoader loader = PictureIcons.class.getClassLoader();
        if (resource.isEmpty() || loader.getResource(resource) == null) {
            return null;
        }
        FlatSVGIcon icon = new FlatSVGIcon(resource, widthPx, heightPx, loader);
        return icon.hasFound() ? icon : null;
    }

    /** The family-coloured disc of {@link Icons#instrument} with a picture instead of letters. */
    private static final class Badge implements Icon {
        private final int code;
        private final int size;
        private final FlatSVGIcon picture;

        Badge(int code, int size, FlatSVGIcon picture) {
            this.code = code;
            this.size = size;
            this.picture = picture;
        }

        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int s = getIconWidth();
            g2.setColor(Instruments.colour(code));
            g2.fillOval(x, y, s - 1, s - 1);
            g2.dispose();
            int inset = (s - picture.getIconWidth()) / 2;
            picture.paintIcon(c, g, x + inset, y + inset);
        }

        /** Scaled with the UI (flatlaf.uiScale), as FlatSVGIcon scales the picture. */
        @Override
        public int getIconWidth() {
            return UIScale.scale(size);
        }

        @Override
        public int getIconHeight() {
            return UIScale.scale(size);
        }
    }
}
