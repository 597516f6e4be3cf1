package org.tutti.server.engine;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A ban of one IP address: it gets no channel (and no connection-less answers) until {@code until}, or for good
 * when {@code until} is null.
 */
public record Ban(InetAddress address, Instant until) {
    public Ban {
        Objects.requireNonNull(address, "address");
    }

    /** True while the ban holds at {@code now}. */
    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
