package org.tutti.server.directory;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tutti.protocol.JamulusVersion;
import org.tutti.protocol.RegistrationResult;

/**
 * The directory's registration filter, {@code -f "ip1;ip2;[3.6.0]"} (protocol doc §7.3): a whitelist of IP
 * addresses (empty = everyone) and an optional minimum version in brackets. Items that are neither an IP literal nor
 * a bracketed version are ignored, as Jamulus does. Host names are never resolved.
 */
public record ListFilter(Set<InetAddress> whitelist, JamulusVersion minimumVersion) {
    /** No whitelist, no minimum version. */
    public static final ListFilter NONE = new ListFilter(Set.of(), null);

    public ListFilter {
        whitelist = Set.copyOf(whitelist);
    }

    public static ListFilter parse(String option) {
        if (option == null || option.isEmpty()) {
            return NONE;
        }
        Set<InetAddress> addresses = new LinkedHashSet<>();
        JamulusVersion minimum = null;
        for (String item : option.split(";")) {
            if (item.length() > 2 && item.startsWith("[") && item.endsWith("]")) {
                minimum = JamulusVersion.parse(item.substring(1, item.length() - 1));
            } else {
                try {
                    addresses.add(InetAddress.ofLiteral(item.trim()));
                } catch (IllegalArgumentException e) {
                    // not an address: ignored like Jamulus does
                }
            }
        }
        return new ListFilter(addresses, minimum);
    }

    /**
     * The refusal for a server registering from {@code source} with {@code version} ("" for the legacy message
     * without a version), or null when it may register. The version is checked first, as in Jamulus.
     */
    public RegistrationResult refusal(InetAddress source, String version) {
        if (minimumVersion != null && (version.isEmpty() || JamulusVersion.parse(version).compareTo(minimumVersion) < 0)) {
            return RegistrationResult.VERSION_TOO_OLD;
        }
        if (!whitelist.isEmpty() && !whitelist.contains(source)) {
            return RegistrationResult.REQUIREMENTS_NOT_FULFILLED;
        }
        return null;
    }
}
