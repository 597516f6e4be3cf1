package org.tutti.client.ui.connect;

import java.util.ArrayList;
import java.util.List;
import org.tutti.client.ui.I18n;
import org.tutti.server.directory.KnownDirectory;

/** The public genre directories ({@link KnownDirectory}, current host names) plus the user's custom ones. */
public final class Directories {
    /** One choice in the directory selector. */
    public record Directory(String label, String address) {
        @Override
        public String toString() {
            return label;
        }
    }

    private Directories() {
    }

    public static List<Directory> all(List<String> custom) {
        List<Directory> list = new ArrayList<>();
        for (KnownDirectory d : KnownDirectory.values()) {
            list.add(new Directory(label(d), d.address().toString()));
        }
        for (String c : custom) {
            if (!c.isBlank()) {
                list.add(new Directory(I18n.tr("directory.custom", c), c));
            }
        }
        return list;
    }

    private static String label(KnownDirectory d) {
        return switch (d) {
            case ANY_GENRE_1 -> I18n.tr("directory.anyGenre", 1);
            case ANY_GENRE_2 -> I18n.tr("directory.anyGenre", 2);
            case ANY_GENRE_ASIA -> I18n.tr("directory.anyGenreAsia");
            case ROCK -> I18n.tr("directory.rock");
            case JAZZ -> I18n.tr("directory.jazz");
            case CLASSICAL_FOLK -> I18n.tr("directory.classical");
            case CHORAL -> I18n.tr("directory.choral");
        };
    }
}
