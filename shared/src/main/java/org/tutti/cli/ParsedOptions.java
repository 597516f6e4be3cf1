package org.tutti.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options found on a command line, keyed by long name. */
public final class ParsedOptions {
    private final Map<String, String> values;

    ParsedOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String longName) {
        return values.containsKey(longName);
    }

    /** The option's value, or {@code fallback} when it was not given. */
    public String value(String longName, String fallback) {
        String v = values.get(longName);
        return v != null ? v : fallback;
    }

    /** The option's value as an integer in [min, max], or {@code fallback} when it was not given. */
    public int intValue(String longName, int fallback, int min, int max) throws UsageException {
        String v = values.get(longName);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UsageException("--" + longName + " must be between " + min + " and " + max + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + longName + " needs a number, not '" + v + "'");
        }
    }

    public Map<String, String> asMap() {
        return values;
    }
}
