package org.tutti.client.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.tutti.server.ui.ServerText;

/**
 * The user-visible strings, from {@code Messages*.properties}. English is the base bundle; French is added when the
 * user's locale (or the setting) asks for it. {@code -t/--notranslation} forces English, as in Jamulus.
 */
public final class I18n {
    private static final String BUNDLE = "org.tutti.client.ui.Messages";
    private static volatile ResourceBundle bundle = load(Locale.getDefault());
    private static volatile Locale locale = Locale.getDefault();

    private I18n() {
    }

    /** Chooses the language; {@code null} or "" follows the system. Call before building windows. */
    public static void use(String languageTag, boolean forceEnglish) {
        Locale chosen = forceEnglish ? Locale.ENGLISH
                : languageTag == null || languageTag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(languageTag);
        locale = chosen;
        bundle = load(chosen);
        ServerText.use(chosen);
    }

    private static ResourceBundle load(Locale l) {
        // The root bundle is English; without this control a French system locale would leak into "English".
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Locale locale() {
        return locale;
    }

    /** The string for {@code key}, with {@code {0}}-style arguments filled in. A missing key shows as itself. */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Strips a {@code &} mnemonic marker: "&Connect" gives "Connect". */
    public static String text(String key, Object... args) {
        return tr(key, args).replace("&", "");
    }

    /** The mnemonic letter after {@code &}, or 0. */
    public static int mnemonic(String key) {
        String s = tr(key);
        int i = s.indexOf('&');
        return i >= 0 && i + 1 < s.length() ? Character.toUpperCase(s.charAt(i + 1)) : 0;
    }
}
