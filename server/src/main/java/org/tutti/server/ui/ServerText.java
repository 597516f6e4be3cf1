package org.tutti.server.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Strings of the server panel (English base bundle, French); the client's language choice is passed in. */
public final class ServerText {
    private static final String BUNDLE = "org.tutti.server.ui.ServerMessages";
    private static volatile Locale locale = Locale.getDefault();
    private static volatile ResourceBundle bundle = load(locale);

    private ServerText() {
    }

    public static void use(Locale l) {
        locale = l;
        bundle = load(l);
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String tr(String key, Object... args) {
        String p;
        try {
            p = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? p : new MessageFormat(p, locale).format(args);
    }

    static Locale locale() {
        return locale;
    }

    /** Without the {@code &} mnemonic marker. */
    static String text(String key) {
        return tr(key).replace("&", "");
    }

    static int mnemonic(String key) {
        String s = tr(key);
        int i = s.indexOf('&');
        return i >= 0 && i + 1 < s.length() ? Character.toUpperCase(s.charAt(i + 1)) : 0;
    }
}
