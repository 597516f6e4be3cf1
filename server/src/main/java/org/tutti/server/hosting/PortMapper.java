package org.tutti.server.hosting;

import com.offbynull.portmapper.gateway.Bus;
import com.offbynull.portmapper.gateway.Gateway;
import com.offbynull.portmapper.gateways.network.NetworkGateway;
import com.offbynull.portmapper.gateways.network.internalmessages.KillNetworkRequest;
import com.offbynull.portmapper.mapper.MappedPort;
import com.offbynull.portmapper.mapper.PortType;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.tutti.server.hosting.PortMappingStatus.State;

/**
 * Keeps the server's UDP port mapped on the home router for as long as the server runs: finds a gateway
 * ({@link GatewaySearch}), maps the port, renews the lease half-way through it, maps again when the router forgot the
 * mapping or this computer's LAN address changed, and deletes the mapping on {@link #close}. Everything happens on
 * one thread of its own ("port-mapping"); the engine's threads are never touched. The library used is
 * offbynull's portmapper (docs/hosting.md says why).
 */
public final class PortMapper implements AutoCloseable {
    /** A lease the router keeps even if the server dies without deleting the mapping: one hour, renewed at 30 min. */
    public static final Duration DEFAULT_LEASE = Duration.ofHours(1);
    /**
     * When no gateway answered or it refused: ask again after 10 s, 30 s, then every 2 minutes (a router may come up
     * after the server, and a network that just changed may need a moment).
     */
    static final List<Duration> RETRIES =
            List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));
    /**
     * How often, between renewals, the router is asked for its external address (one small question), so that a new
     * address from the provider is seen within minutes rather than at the next renewal. Tests shorten it with the
     * system property {@code tutti.portMappingAddressCheckSeconds}.
     */
    static final Duration ADDRESS_CHECK = Duration.ofSeconds(
            Math.max(1, Long.getLong("tutti.portMappingAddressCheckSeconds", 120)));
    /** How long {@link #close} waits for the router to confirm the deletion before giving up. */
    static final Duration DELETE_LIMIT = Duration.ofSeconds(5);

    private final int internalPort;
    /** The server socket's own address (--serverbindip), or null when it listens on every address. */
    private final InetAddress boundAddress;
    private final long leaseSeconds;
    private final Consumer<PortMappingStatus> listener;
    private final ScheduledExecutorService thread;
    private volatile PortMappingStatus status;
    /** Set by {@link #close}: a mapping that a search still in progress makes is deleted at once. */
    private volatile boolean closing;

    // Touched only on the port-mapping thread.
    private Bus network;
    private GatewaySearch.Candidate current;
    private MappedPort mapped;
    private InetAddress localAddress;
    private int failedSearches;
    private long renewAtNanos;

    private PortMapper(int internalPort, InetAddress boundAddress, Duration lease,
                       Consumer<PortMappingStatus> listener) {
        if (internalPort < 1 || internalPort > 65535) {
            throw new IllegalArgumentException("UDP port must be 1..65535: " + internalPort);
        }
        this.internalPort = internalPort;
        this.boundAddress = boundAddress == null || boundAddress.isAnyLocalAddress() ? null : boundAddress;
        this.leaseSeconds = Math.max(1, lease.toSeconds());
        this.listener = Objects.requireNonNull(listener);
        this.status = PortMappingStatus.searching(internalPort);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "port-mapping");
            t.setDaemon(true); // never keeps the JVM alive; close() deletes the mapping first
            return t;
        });
    }

    /**
     * Starts mapping {@code udpPort} in the background; {@code listener} hears every change of status (on the
     * port-mapping thread), the first one being the outcome of the search.
     */
    public static PortMapper start(int udpPort, Duration lease, Consumer<PortMappingStatus> listener) {
        return start(udpPort, null, lease, listener);
    }

    /**
     * As above for a server whose socket is bound to {@code boundAddress} ({@code --serverbindip}; null or the
     * wildcard for every address): when the router would forward to another address of this computer, nothing is
     * mapped and the status says why.
     */
    public static PortMapper start(int udpPort, InetAddress boundAddress, Duration lease,
                                   Consumer<PortMappingStatus> listener) {
        PortMapper mapper = new PortMapper(udpPort, boundAddress, lease, listener);
        mapper.thread.execute(mapper::establish);
        return mapper;
    }

    public PortMappingStatus status() {
        return status;
    }

    private void establish() {
        try {
            // Fresh every search: the library's network thread dies for good when it cannot bind to a local address
            // (an IPv6 address still being checked after a network change), and nothing would work after that.
            closeBuses();
            openBuses();
            GatewaySearch.Result found = GatewaySearch.run(network);
            PortMappingStatus best = firstMapping(found);
            publish(best);
            scheduleNext();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            publish(new PortMappingStatus(State.REFUSED, "", null, null, internalPort, 0,
                    "port mapping failed unexpectedly: " + e));
            scheduleNext();
        }
    }

    /** Tries the candidates in order; the first mapping wins. Without one, the most telling failure is reported. */
    private PortMappingStatus firstMapping(GatewaySearch.Result found) throws InterruptedException {
        PortMappingStatus failure = PortMappingStatus.noGateway(internalPort);
        if (found.natPmp().isPresent() && found.defaultGateway().isPresent()) {
            PortMappingStatus verdict = MappingVerdicts.fromNatPmpAnswer(found.defaultGateway().get(), internalPort,
                    found.natPmp().get());
            failure = verdict != null ? verdict : failure;
        }
        for (GatewaySearch.Candidate candidate : found.candidates()) {
            PortMappingStatus result = tryMapping(candidate);
            if (result.isMapped()) {
                return result;
            }
            if (failure.state() != State.BEHIND_SECOND_NAT && failure.state() != State.BOUND_ELSEWHERE) {
                failure = result;
            }
        }
        return failure;
    }

    private PortMappingStatus tryMapping(GatewaySearch.Candidate candidate) throws InterruptedException {
        InetAddress target = candidate.mapper().getSourceAddress();
        if (boundAddress != null && target != null && !boundAddress.equals(target)) {
            return MappingVerdicts.boundElsewhere(candidate.protocol(), candidate.gateway(), internalPort,
                    boundAddress, target);
        }
        PortMappingStatus hopeless = secondNatBeforeMapping(candidate);
        if (hopeless != null) {
            return hopeless;
        }
        MappedPort port;
        try {
            port = candidate.mapper().mapPort(PortType.UDP, internalPort, internalPort, leaseSeconds);
        } catch (RuntimeException e) {
            return refusal(candidate, e);
        }
        PortMappingStatus verdict = MappingVerdicts.mapped(candidate.protocol(), candidate.gateway(), internalPort,
                port.getExternalPort(), port.getExternalAddress());
        if (verdict.isMapped() && closing) {
            deleteQuietly(candidate, port); // the server stopped while the router was answering
            return new PortMappingStatus(State.STOPPED, candidate.protocol(), candidate.gateway(), null,
                    internalPort, 0, "");
        }
        if (verdict.isMapped()) {
            current = candidate;
            mapped = port;
            localAddress = candidate.mapper().getSourceAddress();
        } else {
            deleteQuietly(candidate, port); // a mapping nobody can reach only clutters the router
        }
        return verdict;
    }

    /**
     * A UPnP router without a public address refuses every mapping, and the library retries each refusal for many
     * seconds; one question first ("what is your external address?") gives the true reason at once.
     */
    private PortMappingStatus secondNatBeforeMapping(GatewaySearch.Candidate candidate) {
        if (!(candidate.mapper() instanceof com.offbynull.portmapper.mappers.upnpigd.UpnpIgdPortMapper upnp)) {
            return null;
        }
        try {
            InetAddress address = UpnpAddressQuery.ask(upnp).orElse(null);
            if (address == null || AddressScope.of(address).behindAnotherNat()) {
                return MappingVerdicts.refused("UPnP", candidate.gateway(), internalPort, "", true, address);
            }
        } catch (IOException e) {
            // cannot ask: try the mapping itself, its failure will speak
        }
        return null;
    }

    private PortMappingStatus refusal(GatewaySearch.Candidate candidate, RuntimeException e) {
        // The library says IllegalStateException with a sentence when the router answered badly; anything else (a
        // NullPointerException from its own timed-out network thread, say) means no usable answer came in time.
        String detail = e instanceof IllegalStateException && e.getMessage() != null ? e.getMessage()
                : "no valid answer to the mapping request in time";
        if (candidate.mapper() instanceof com.offbynull.portmapper.mappers.upnpigd.UpnpIgdPortMapper upnp) {
            try {
                Optional<InetAddress> address = UpnpAddressQuery.ask(upnp);
                return MappingVerdicts.refused("UPnP", candidate.gateway(), internalPort, detail, true,
                        address.orElse(null));
            } catch (IOException io) {
                return MappingVerdicts.refused("UPnP", candidate.gateway(), internalPort, detail, false, null);
            }
        }
        return MappingVerdicts.refused(candidate.protocol(), candidate.gateway(), internalPort, detail, false, null);
    }

    /** Renews half-way through the lease; maps anew when the LAN address changed or the router lost the mapping. */
    private void renew() {
        try {
            Optional<InetAddress> nowLocal = current.gateway() == null ? Optional.of(localAddress)
                    : DefaultGateway.localAddressTowards(current.gateway());
            if (nowLocal.isEmpty() || !nowLocal.get().equals(localAddress)) {
                deleteQuietly(current, mapped); // it points at an address this computer no longer has
                forget();
                establish();
                return;
            }
            MappedPort renewed = current.mapper().refreshPort(mapped, leaseSeconds);
            mapped = renewed;
            PortMappingStatus verdict = MappingVerdicts.mapped(current.protocol(), current.gateway(), internalPort,
                    renewed.getExternalPort(), renewed.getExternalAddress());
            publish(verdict);
            scheduleNext();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The router forgot us (restarted, or its table was cleared) or changed: start from the search again.
            forget();
            establish();
        }
    }

    private void scheduleNext() {
        try {
            if (mapped != null) {
                failedSearches = 0;
                long lifetimeSeconds = mapped.getLifetime() > 0 ? mapped.getLifetime() : leaseSeconds;
                renewAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, lifetimeSeconds / 2));
                scheduleWatch();
            } else {
                Duration wait = RETRIES.get(Math.min(failedSearches, RETRIES.size() - 1));
                failedSearches++;
                thread.schedule(this::establish, wait.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (RejectedExecutionException e) {
            // closing: no renewal, the mapping is being deleted
        }
    }

    /** The next look while mapped: the renewal when due, else a check of the external address. */
    private void scheduleWatch() {
        long waitNanos = Math.min(renewAtNanos - System.nanoTime(), ADDRESS_CHECK.toNanos());
        try {
            thread.schedule(this::watch, Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void watch() {
        if (mapped == null) {
            return; // forgotten meanwhile; the search that followed schedules its own
        }
        if (System.nanoTime() - renewAtNanos >= 0) {
            renew();
            return;
        }
        checkExternalAddress();
        scheduleWatch();
    }

    /** Asks the router for its external address; a new one is published at once (the provider changed it). */
    private void checkExternalAddress() {
        try {
            Optional<InetAddress> now;
            if (current.mapper() instanceof com.offbynull.portmapper.mappers.upnpigd.UpnpIgdPortMapper upnp) {
                now = UpnpAddressQuery.ask(upnp);
            } else if (current.gateway() != null && current.protocol().equals("NAT-PMP")) {
                now = NatPmpProbe.ask(current.gateway()).filter(a -> a.resultCode() == NatPmpAnswer.SUCCESS)
                        .map(NatPmpAnswer::publicAddress);
            } else {
                now = Optional.empty(); // PCP: the renewal reports it
            }
            if (now.isPresent() && !now.get().equals(status.externalAddress())) {
                publish(MappingVerdicts.mapped(current.protocol(), current.gateway(), internalPort,
                        mapped.getExternalPort(), now.get()));
            }
        } catch (IOException | RuntimeException e) {
            // no answer this time: the next check or the renewal tells
        }
    }

    private void publish(PortMappingStatus next) {
        PortMappingStatus before = status;
        status = next;
        if (!next.equals(before)) {
            listener.accept(next);
        }
    }

    private void forget() {
        current = null;
        mapped = null;
        localAddress = null;
    }

    private static void deleteQuietly(GatewaySearch.Candidate candidate, MappedPort port) {
        try {
            candidate.mapper().unmapPort(port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the router may have dropped it already; nothing else to do
        }
    }

    private void closeBuses() {
        if (network != null) {
            network.send(new KillNetworkRequest());
            network = null;
        }
    }

    private void openBuses() {
        if (network == null) {
            Gateway networkGateway = NetworkGateway.create();
            network = networkGateway.getBus();
        }
    }

    /** Deletes the mapping (waiting at most {@link #DELETE_LIMIT} for the router) and stops the thread. */
    @Override
    public synchronized void close() {
        if (thread.isShutdown()) {
            return;
        }
        closing = true;
        var deletion = thread.submit(() -> {
            PortMappingStatus last = status;
            if (mapped != null) {
                deleteQuietly(current, mapped);
                forget();
                publish(new PortMappingStatus(State.STOPPED, last.protocol(), last.gateway(), last.externalAddress(),
                        internalPort, 0, ""));
            }
            closeBuses();
        });
        thread.shutdown(); // no renewal or retry after this; the deletion above still runs
        try {
            deletion.get(DELETE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the router did not answer in time: the lease ends the mapping by itself
        } finally {
            thread.shutdownNow();
        }
    }
}
