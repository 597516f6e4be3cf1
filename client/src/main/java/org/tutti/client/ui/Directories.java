package org.tutti.client.ui;

import java.util.ArrayList;
import java.util.List;

/** The public genre directories (Jamulus 3.9.1 host names) plus the user's custom ones. */
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
        List<Directory> list = new ArrayList<>(List.of(
                new Directory(I18n.tr("directory.anyGenre", 1), "anygenre1.jamulus.io:22124"),
                new Directory(I18n.tr("directory.anyGenre", 2), "anygenre2.jamulus.io:22224"),
                new Directory(I18n.tr("directory.anyGenre", 3), "anygenre3.jamulus.io:22624"),
                new Directory(I18n.tr("directory.rock"), "rock.jamulus.io:22424"),
                new Directory(I18n.tr("directory.jazz"), "jazz.jamulus.io:22324"),
                new Directory(I18n.tr("directory.classical"), "classical.jamulus.io:22524"),
                new Directory(I18n.tr("directory.choral"), "choral.jamulus.io:22724")));
        for (String c : custom) {
            if (!c.isBlank()) {
                list.add(new Directory(I18n.tr("directory.custom", c), c));
            }
        }
        return list;
    }
}
