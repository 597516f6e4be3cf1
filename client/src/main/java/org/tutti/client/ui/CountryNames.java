package org.tutti.client.ui;

import org.tutti.protocol.Countries;

/**
 * Display names, in the UI language, for the Qt 5 country codes Jamulus puts on the wire. The code table is the
 * server's ({@link org.tutti.protocol.Countries}); codes without an ISO country (regions, "any") have no name
 * rather than a wrong one.
 */
public final class CountryNames {
    private CountryNames() {
    }

    /** Every code with a name, sorted by that name (for the profile selector). */
    public static int[] known() {
        return Countries.named(I18n.locale());
    }

    /** ISO 3166 code or "" when unmapped or 0. */
    public static String iso(int qtCode) {
        return Countries.isoCode(qtCode);
    }

    /** Name in the UI language, or "" when unknown. */
    public static String name(int qtCode) {
        return Countries.displayName(qtCode, I18n.locale());
    }
}
