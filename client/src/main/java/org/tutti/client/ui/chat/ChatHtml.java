package org.tutti.client.ui.chat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes chat and welcome-message HTML safe to show: only simple formatting tags survive, links keep only http(s) and
 * mailto targets, and anything that could fetch remote content or run code (img, script, style, iframe, object,
 * link, base, form, style attributes) is removed. Bare URLs in the text become links.
 */
public final class ChatHtml {
    private static final Set<String> ALLOWED = Set.of("b", "i", "u", "em", "strong", "br", "p", "font", "a", "h1", "h2",
            "h3", "h4", "ul", "ol", "li", "pre", "code", "hr", "small", "big", "div", "blockquote", "s");
    /** Tags whose content is dropped too, not just the tag. */
    private static final Set<String> DROP_CONTENT = Set.of("script", "style", "title", "head", "iframe", "object",
            "applet", "noscript", "template", "svg", "math");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile(
            "([a-zA-Z-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern URL = Pattern.compile("(https?://[^\\s<>\"]+[^\\s<>\".,;:!?)])", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,6}|[a-zA-Z]{3,20}");

    private ChatHtml() {
    }

    /** Escapes plain text (a message we type, a name) so it shows literally. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The safe form of HTML received from a server or another musician. */
    public static String sanitize(String html) {
        StringBuilder out = new StringBuilder(html.length() + 32);
        Matcher m = TAG.matcher(html);
        int pos = 0;
        int linkDepth = 0;
        String dropping = null;
        while (m.find()) {
            if (dropping == null) {
                text(out, html.substring(pos, m.start()), linkDepth == 0);
            }
            pos = m.end();
            if (m.group(2) == null) {
                continue; // comment
            }
            boolean closing = !m.group(1).isEmpty();
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (dropping != null) {
                if (closing && name.equals(dropping)) {
                    dropping = null;
                }
                continue;
            }
            if (DROP_CONTENT.contains(name)) {
                if (!closing && !m.group(3).trim().endsWith("/")) {
                    dropping = name;
                }
                continue;
            }
            if (!ALLOWED.contains(name)) {
                continue;
            }
            if (closing) {
                out.append("</").append(name).append('>');
                if (name.equals("a") && linkDepth > 0) {
                    linkDepth--;
                }
            } else {
                out.append('<').append(name).append(attributes(name, m.group(3))).append('>');
                if (name.equals("a")) {
                    linkDepth++;
                }
            }
        }
        if (dropping == null) {
            text(out, html.substring(pos), linkDepth == 0);
        }
        return out.toString();
    }

    private static String attributes(String tag, String raw) {
        Matcher a = ATTR.matcher(raw);
        StringBuilder sb = new StringBuilder();
        while (a.find()) {
            String key = a.group(1).toLowerCase(Locale.ROOT);
            String value = a.group(3) != null ? a.group(3) : a.group(4) != null ? a.group(4) : a.group(5);
            value = value.trim();
            if (tag.equals("a") && key.equals("href") && safeLink(value)) {
                sb.append(" href=\"").append(escape(value)).append('"');
            } else if (tag.equals("font") && key.equals("color") && COLOUR.matcher(value).matches()) {
                sb.append(" color=\"").append(value).append('"');
            }
        }
        return sb.toString();
    }

    /** Only web and mail links may be followed from chat. */
    public static boolean safeLink(String href) {
        String h = href.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("https://") || h.startsWith("http://") || h.startsWith("mailto:");
    }

    /** Copies text, escaping stray {@code <}/{@code >} and linking bare URLs when not already inside a link. */
    private static void text(StringBuilder out, String text, boolean linkify) {
        String safe = text.replace("<", "&lt;").replace(">", "&gt;");
        if (!linkify) {
            out.append(safe);
            return;
        }
        Matcher u = URL.matcher(safe);
        int pos = 0;
        while (u.find()) {
            out.append(safe, pos, u.start());
            String url = u.group(1);
            out.append("<a href=\"").append(url.replace("\"", "&quot;")).append("\">").append(url).append("</a>");
            pos = u.end();
        }
        out.append(safe.substring(pos));
    }
}
