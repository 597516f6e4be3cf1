package org.tutti.client.ui;

/**
 * One server in the Connection Setup list.
 *
 * @param pingMs -1 until a ping answer came; {@code version} "" when unknown
 */
public record ServerRow(String address, String name, int pingMs, int musicians, int maxMusicians, String city,
                        int country, String version) {

    public String location() {
        String c = Countries.name(country);
        return city.isBlank() ? c : c.isBlank() ? city : city + ", " + c;
    }

    /** Case-insensitive filter as Jamulus's: name, city, country; a lone "#" keeps only occupied servers. */
    public boolean matches(String filter) {
        String f = filter.strip();
        if (f.isEmpty()) {
            return true;
        }
        if (f.equals("#")) {
            return musicians > 0;
        }
        String needle = f.toLowerCase(java.util.Locale.ROOT);
        return name.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || city.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || Countries.name(country).toLowerCase(java.util.Locale.ROOT).contains(needle);
    }
}
