package org.tutti.server.ui;

import java.net.InetSocketAddress;
import org.tutti.net.AddressText;
import org.tutti.server.hosting.AddressWatch;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.hosting.SharedAddress;

/**
 * The server panel's line about reaching the server from outside: the address to give friends and where it comes
 * from, that it changed, or why the router could not open the port and what to do instead. Pure, so every case is
 * tested without a window.
 */
final class ShareLine {
    private ShareLine() {
    }

    /**
     * @param status port mapping's status, null when no server runs (the line is then empty)
     * @param shared the address to share as last learnt, null while unknown
     */
    static String text(PortMappingStatus status, AddressWatch.Update shared) {
        if (status == null) {
            return "";
        }
        if (shared != null) {
            SharedAddress now = shared.current();
            String source = ServerText.tr(now.source() == SharedAddress.Source.ROUTER
                    ? "server.share.source.router" : "server.share.source.directory");
            if (shared.changed()) {
                return ServerText.tr("server.share.changed", AddressText.format(now.address()), source);
            }
            return ServerText.tr(now.source() == SharedAddress.Source.ROUTER ? "server.share.mapped"
                    : "server.share.directory", AddressText.format(now.address()), source);
        }
        return switch (status.state()) {
            case MAPPED -> status.externalAddress() == null
                    ? ServerText.tr("server.share.mappedNoAddress", status.externalPort())
                    : ServerText.tr("server.share.mapped", AddressText.format(
                    new InetSocketAddress(status.externalAddress(), status.externalPort())), ServerText.tr("server.share.source.router"));
            case SEARCHING -> ServerText.tr("server.share.searching");
            case OFF -> ServerText.tr("server.share.off", status.internalPort());
            case STOPPED -> "";
            case BEHIND_SECOND_NAT -> ServerText.tr("server.share.secondNat");
            case BOUND_ELSEWHERE -> ServerText.tr("server.share.boundElsewhere");
            case NO_GATEWAY, REFUSED -> ServerText.tr("server.share.failed", status.reason(), status.internalPort());
        };
    }
}
