package org.tutti.server.hosting;

import com.offbynull.portmapper.gateway.Bus;
import com.offbynull.portmapper.mapper.PortMapper;
import com.offbynull.portmapper.mappers.natpmp.NatPmpPortMapper;
import com.offbynull.portmapper.mappers.pcp.PcpPortMapper;
import com.offbynull.portmapper.mappers.upnpigd.PortMapperUpnpIgdPortMapper;
import com.offbynull.portmapper.mappers.upnpigd.UpnpIgdPortMapper;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks the LAN which gateways can map a port: UPnP-IGD (SSDP, about 5 s) and, at the same time, NAT-PMP/PCP on the
 * default gateway (milliseconds). The answers come back in the order they are tried: UPnP first (routers show its
 * mappings in their web page, and it names the router), then NAT-PMP, then PCP.
 */
final class GatewaySearch {
    /** One gateway that can be asked for a mapping, as the library's mapper plus what is needed to explain it. */
    record Candidate(String protocol, InetAddress gateway, PortMapper mapper) {
    }

    /** What the search found; {@code natPmp} is the default gateway's NAT-PMP answer, if it gave one. */
    record Result(List<Candidate> candidates, Optional<InetAddress> defaultGateway, Optional<NatPmpAnswer> natPmp) {
    }

    private GatewaySearch() {
    }

    static Result run(Bus network) throws InterruptedException {
        Optional<InetAddress> gateway = DefaultGateway.find();
        CompletableFuture<Optional<NatPmpAnswer>> natPmp = CompletableFuture.supplyAsync(
                () -> gateway.flatMap(NatPmpProbe::ask),
                command -> Thread.ofVirtual().name("nat-pmp-probe").start(command));
        List<Candidate> found = new ArrayList<>();
        for (UpnpIgdPortMapper upnp : UpnpIgdPortMapper.identify(network)) {
            if (upnp instanceof PortMapperUpnpIgdPortMapper) { // the others are IPv6 firewall pinholes
                found.add(new Candidate("UPnP", UpnpAddressQuery.gatewayOf(upnp), upnp));
            }
        }
        Optional<NatPmpAnswer> answer = join(natPmp);
        if (gateway.isPresent()) {
            Optional<InetAddress> local = DefaultGateway.localAddressTowards(gateway.get());
            int code = answer.map(NatPmpAnswer::resultCode).orElse(-1);
            // Any other answer is a refusal already (PortMapper explains it): asking to map would only repeat it.
            if ((code == NatPmpAnswer.SUCCESS || code == NatPmpAnswer.UNSUPPORTED_VERSION) && local.isPresent()) {
                found.add(code == NatPmpAnswer.UNSUPPORTED_VERSION
                        ? new Candidate("PCP", gateway.get(), new PcpPortMapper(network, local.get(), gateway.get()))
                        : new Candidate("NAT-PMP", gateway.get(),
                                new NatPmpPortMapper(network, local.get(), gateway.get())));
            }
        }
        // Without a default gateway (no routing table or tool answered) only UPnP is tried: the library's own
        // NAT-PMP/PCP search probes a built-in list of about thirty common router addresses, which Tutti will not
        // send to.
        return new Result(List.copyOf(found), gateway, answer);
    }

    private static Optional<NatPmpAnswer> join(CompletableFuture<Optional<NatPmpAnswer>> natPmp)
            throws InterruptedException {
        try {
            return natPmp.get();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }
}
