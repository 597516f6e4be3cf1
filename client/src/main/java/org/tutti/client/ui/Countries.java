package org.tutti.client.ui;

import java.util.Locale;
import java.util.Map;

/**
 * Display names for the Qt 5 country codes Jamulus puts on the wire. Only common countries are mapped to ISO codes
 * (Java then names them in the UI language); others show no country rather than a wrong one.
 */
public final class Countries {
    private static final Map<Integer, String> ISO = Map.ofEntries(
            Map.entry(10, "AR"), Map.entry(13, "AU"), Map.entry(14, "AT"), Map.entry(21, "BE"), Map.entry(30, "BR"),
            Map.entry(38, "CA"), Map.entry(44, "CN"), Map.entry(58, "DK"), Map.entry(73, "FI"), Map.entry(74, "FR"),
            Map.entry(82, "DE"), Map.entry(85, "GR"), Map.entry(100, "IN"), Map.entry(104, "IE"), Map.entry(105, "IL"),
            Map.entry(106, "IT"), Map.entry(108, "JP"), Map.entry(139, "MX"), Map.entry(151, "NL"), Map.entry(154, "NZ"),
            Map.entry(161, "NO"), Map.entry(172, "PL"), Map.entry(173, "PT"), Map.entry(178, "RU"), Map.entry(197, "ES"),
            Map.entry(205, "SE"), Map.entry(206, "CH"), Map.entry(224, "GB"), Map.entry(225, "US"));

    private Countries() {
    }

    /** Codes with a known name, for the profile selector (0 = any country first). */
    public static int[] known() {
        return ISO.keySet().stream().sorted((a, b) -> name(a).compareTo(name(b))).mapToInt(Integer::intValue).toArray();
    }

    /** ISO 3166 code or "" when unmapped or 0. */
    public static String iso(int qtCode) {
        return ISO.getOrDefault(qtCode, "");
    }

    /** Name in the UI language, or "" when unknown. */
    public static String name(int qtCode) {
        String iso = iso(qtCode);
        return iso.isEmpty() ? "" : Locale.of("", iso).getDisplayCountry(I18n.locale());
    }
}
