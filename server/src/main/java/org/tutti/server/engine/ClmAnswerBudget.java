package org.tutti.server.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Which connection-less answers may go out (anti-amplification, issue #10). A UDP source address can be spoofed, so
 * an answer may land at a victim; three budgets bound what a flood of requests can make the server send:
 * <ul>
 *   <li>per <b>IP</b> (not IP:port: a spoofer picks ports freely), for sources that are not connected channels (IPv6: per /64):
 *       20 answers/s, bursts of 40. A Jamulus Connection Setup dialog pings each listed server every 2.5 s and asks
 *       for its client list when the count changes (protocol doc §7.4), so this serves some 40 dialogs behind one
 *       NAT address;</li>
 *   <li>per connected <b>channel</b>: 20 answers/s, bursts of 40 (a connected GUI client pings every 500 ms). A flood
 *       spoofing the channel's IP with other ports cannot starve it, nor can a flood from elsewhere;</li>
 *   <li>a <b>global</b> byte budget for everything not sent to a connected channel, also covering the hosted
 *       directory's server lists: 128 KiB/s, bursts of 64 KiB. A flood spread over many spoofed IPs is answered
 *       with at most this; once its requests exceed it in bytes, the server sends fewer bytes than it receives.</li>
 * </ul>
 * Engine thread only; allocation free.
 */
final class ClmAnswerBudget {
    static final double ANSWERS_PER_SECOND = 20;
    static final double ANSWER_BURST = 40;
    static final double GLOBAL_BYTES_PER_SECOND = 128 * 1024;
    static final double GLOBAL_BURST_BYTES = 64 * 1024;

    private final ClmRateLimiter perIp = new ClmRateLimiter(4096, ANSWERS_PER_SECOND, ANSWER_BURST);
    private final ClmRateLimiter perChannel;
    private final double globalBytesPerSecond;
    private final double globalBurstBytes;
    private double globalTokens;
    private long globalRefillNs;
    private boolean globalStarted;

    ClmAnswerBudget(int maxClients) {
        this(maxClients, GLOBAL_BYTES_PER_SECOND, GLOBAL_BURST_BYTES);
    }

    ClmAnswerBudget(int maxClients, double globalBytesPerSecond, double globalBurstBytes) {
        this.perChannel = new ClmRateLimiter(Integer.highestOneBit(Math.max(1, maxClients)) << 1,
                ANSWERS_PER_SECOND, ANSWER_BURST);
        this.globalBytesPerSecond = globalBytesPerSecond;
        this.globalBurstBytes = globalBurstBytes;
    }

    /** Per-source check, before the answer is built: a connected channel by its ID, anyone else by IP. */
    boolean sourceMayAsk(InetSocketAddress from, ClientChannel known, long nowNs) {
        if (known != null) {
            return perChannel.tryAcquireSlot(known.id, nowNs);
        }
        return perIp.tryAcquire(ipKey(from), nowNs);
    }

    /** Global check for {@code bytes} going to a source that is not a connected channel (takes them if true). */
    boolean globalAllows(int bytes, long nowNs) {
        if (!globalStarted) {
            globalStarted = true;
            globalTokens = globalBurstBytes;
        } else {
            double refill = Math.max(0, nowNs - globalRefillNs) * 1e-9 * globalBytesPerSecond;
            globalTokens = Math.min(globalBurstBytes, globalTokens + refill);
        }
        globalRefillNs = nowNs;
        if (globalTokens < bytes) {
            return false;
        }
        globalTokens -= bytes;
        return true;
    }

    /**
     * The source's key: an IPv4 address (its hash code is the address itself), or an IPv6 address's /64 prefix,
     * since one IPv6 host or LAN commonly owns a whole /64 and could otherwise rotate through 2^64 budgets.
     */
    static long ipKey(InetSocketAddress from) {
        InetAddress ip = from.getAddress();
        if (ip instanceof Inet6Address) {
            byte[] b = ip.getAddress(); // a copy: connection-less path only, which allocates anyway
            long prefix = 0;
            for (int i = 0; i < 8; i++) {
                prefix = prefix << 8 | (b[i] & 0xFF);
            }
            return prefix | Long.MIN_VALUE; // top bit set: never equal to an IPv4 key (below 2^32)
        }
        return ip.hashCode() & 0xFFFF_FFFFL;
    }
}
