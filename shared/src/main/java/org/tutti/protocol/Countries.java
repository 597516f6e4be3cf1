package org.tutti.protocol;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Country codes as Jamulus puts them on the wire: Qt 5's {@code QLocale::Country} enum values (protocol doc §2.6),
 * 0 = any country … 261. The table maps each value to its ISO 3166 alpha-2 code; it lists the enum order of Qt 5.15
 * (the Qt that Jamulus 3.9.1 builds use), with "--" where the value is not a two-letter country (0 = any, and the
 * numeric UN regions 246, 260, 261).
 */
public final class Countries {
    /** Any country (Qt's {@code QLocale::AnyCountry}). */
    public static final int ANY = 0;
    /** The largest value a 3.9.1 peer accepts ({@code QLocale::LastCountry} in Qt 5.15). */
    public static final int LAST = 261;

    // Two characters per enum value, index = value.
    private static final String ISO_BY_QT5 = ""
            + "--AFALDZASADAOAIAQAGARAMAWAUATAZBSBHBDBB" // 0..19
            + "BYBEBZBJBMBTBOBABWBVBRIOBNBGBFBIKHCMCACV" // 20..39
            + "KYCFTDCLCNCXCCCOKMCDCGCKCRCIHRCUCYCZDKDJ" // 40..59
            + "DMDOTLECEGSVGQEREEETFKFOFJFIFRGGGFPFTFGA" // 60..79
            + "GMGEDEGHGIGRGLGDGPGUGTGNGWGYHTHMHNHKHUIS" // 80..99
            + "INIDIRIQIEILITJMJPJOKZKEKIKPKRKWKGLALVLB" // 100..119
            + "LSLRLYLILTLUMOMKMGMWMYMVMLMTMHMQMRMUYTMX" // 120..139
            + "FMMDMCMNMSMAMZMMNANRNPNLCWNCNZNINENGNUNF" // 140..159
            + "MPNOOMPKPWPSPAPGPYPEPHPNPLPTPRQARERORURW" // 160..179
            + "KNLCVCWSSMSTSASNSCSLSGSKSISBSOZAGSESLKSH" // 180..199
            + "PMSDSRSJSZSECHSYTWTJTZTHTGTKTOTTTNTRTMTC" // 200..219
            + "TVUGUAAEGBUSUMUYUZVUVAVEVNVGVIWFEHYEICZM" // 220..239
            + "ZWCPMERSBLMF--ACAXDGEAIMJETASSBQSXXKEUQO" // 240..259
            + "----"; // 260..261

    private Countries() {
    }

    /** True for a value a 3.9.1 peer accepts (0..261). */
    public static boolean isValid(int qt5Country) {
        return qt5Country >= 0 && qt5Country <= LAST;
    }

    /**
     * The Qt 5 value for an ISO 3166 alpha-2 code, case-insensitively ("de" and "DE" → 82; "UK" is taken as "GB"),
     * or {@link #ANY} when unknown. Unlike Jamulus 3.9.1, which only matched lower case.
     */
    public static int fromIsoCode(String code) {
        if (code == null || code.length() != 2) {
            return ANY;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (upper.equals("UK")) {
            upper = "GB";
        }
        if (upper.equals("--")) {
            return ANY;
        }
        for (int i = 0; i < ISO_BY_QT5.length(); i += 2) {
            if (ISO_BY_QT5.regionMatches(i, upper, 0, 2)) {
                return i / 2;
            }
        }
        return ANY;
    }

    /** The ISO alpha-2 code for a Qt 5 value, or "" for any country, regions and invalid values. */
    public static String isoCode(int qt5Country) {
        if (!isValid(qt5Country)) {
            return "";
        }
        String code = ISO_BY_QT5.substring(qt5Country * 2, qt5Country * 2 + 2);
        return code.equals("--") ? "" : code;
    }

    /** The English display name of a Qt 5 value (from the JDK's locale data), or "" when unknown. */
    public static String displayName(int qt5Country) {
        return displayName(qt5Country, Locale.ENGLISH);
    }

    /** The display name of a Qt 5 value in {@code language}, or "" when unknown (regions, any country). */
    public static String displayName(int qt5Country, Locale language) {
        String iso = isoCode(qt5Country);
        return iso.isEmpty() ? "" : Locale.of("", iso).getDisplayCountry(language);
    }

    /** Every value with a country name, sorted by that name in {@code language}. */
    public static int[] named(Locale language) {
        return IntStream.rangeClosed(1, LAST).filter(c -> !isoCode(c).isEmpty()).boxed()
                .sorted(Comparator.comparing((Integer c) -> displayName(c, language)))
                .mapToInt(Integer::intValue).toArray();
    }
}
