package org.tutti.server.directory;

import org.tutti.protocol.Countries;
import org.tutti.protocol.StringLimits;

/**
 * What a server tells the directory about itself: name, city and Qt 5 country code (the {@code -o} option).
 *
 * @param name    server name, at most {@link StringLimits#SERVER_NAME} characters
 * @param city    city, at most {@link StringLimits#CITY} characters
 * @param country Qt 5 country code (see {@link Countries})
 */
public record ServerInfo(String name, String city, int country) {
    public ServerInfo {
        StringLimits.require(name, StringLimits.SERVER_NAME, "server name");
        StringLimits.require(city, StringLimits.CITY, "city");
        if (!Countries.isValid(country)) {
            throw new IllegalArgumentException("country not 0.." + Countries.LAST + ": " + country);
        }
    }

    /** Name and city cut to their limits. */
    public static ServerInfo truncating(String name, String city, int country) {
        return new ServerInfo(StringLimits.truncate(name, StringLimits.SERVER_NAME),
                StringLimits.truncate(city, StringLimits.CITY), country);
    }

    /**
     * Parses {@code -o "name;city;country"} as Jamulus does: fewer than three fields → the defaults (empty name and
     * city, {@code defaultCountry}); more than three → the rest is ignored; name and city cut to 20 characters; the
     * country is a Qt 5 number (invalid numbers keep the default) or a two-letter ISO code in any case (unknown codes
     * keep the default). {@code null} or "" gives the defaults.
     */
    public static ServerInfo parse(String option, int defaultCountry) {
        if (option == null || option.isEmpty()) {
            return new ServerInfo("", "", defaultCountry);
        }
        String[] fields = option.split(";", -1);
        if (fields.length < 3) {
            return new ServerInfo("", "", defaultCountry);
        }
        return truncating(fields[0], fields[1], country(fields[2].trim(), defaultCountry));
    }

    private static int country(String text, int defaultCountry) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                int value = Integer.parseInt(text);
                return Countries.isValid(value) ? value : defaultCountry;
            } catch (NumberFormatException e) {
                return defaultCountry; // too many digits
            }
        }
        int value = Countries.fromIsoCode(text);
        return value == Countries.ANY ? defaultCountry : value;
    }
}
