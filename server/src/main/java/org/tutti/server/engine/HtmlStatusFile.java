package org.tutti.server.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The HTML status file of {@code -m} (protocol doc §10.3), rewritten whenever the list of musicians changes. */
public final class HtmlStatusFile {
    private final Path file;

    public HtmlStatusFile(Path file) {
        this.file = file;
    }

    /** Writes the names of the connected musicians, in channel order. */
    public void write(List<String> names) {
        StringBuilder html = new StringBuilder();
        if (names.isEmpty()) {
            html.append("  No client connected\n");
        } else {
            html.append("<ul>\n");
            for (String name : names) {
                html.append("  <li>").append(Html.escape(name)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        save(html.toString());
    }

    public void serverTerminated() {
        save("  Server terminated\n");
    }

    private void save(String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("tutti: cannot write status file " + file + ": " + e.getMessage());
        }
    }
}
