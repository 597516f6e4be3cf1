package org.tutti.server.hosting;

import com.offbynull.portmapper.mappers.upnpigd.UpnpIgdPortMapper;
import com.offbynull.portmapper.mappers.upnpigd.externalmessages.GetExternalIpAddressUpnpIgdRequest;
import com.offbynull.portmapper.mappers.upnpigd.externalmessages.GetExternalIpAddressUpnpIgdResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.util.Optional;

/**
 * Asks a UPnP-IGD router for its external address after it refused a mapping. The library drops the router's fault,
 * so this one question (sent and parsed with the library's own message classes) tells "the router is not connected
 * to the internet with a public address" (miniupnpd behind a second NAT answers an empty address) from other
 * refusals.
 */
final class UpnpAddressQuery {
    private static final int TIMEOUT_MS = 3000;
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private UpnpAddressQuery() {
    }

    /**
     * The address the router reports: empty when it reports none (or an unparsable one), which is what a router
     * without a public address does. Throws {@link IOException} when the router cannot be asked at all.
     */
    static Optional<InetAddress> ask(UpnpIgdPortMapper mapper) throws IOException {
        URL control = (URL) hidden(mapper, "getControlUrl");
        String serviceType = (String) hidden(mapper, "getServiceType");
        byte[] request = new GetExternalIpAddressUpnpIgdRequest(control.getAuthority(), control.getFile(), serviceType)
                .dump();
        int port = control.getPort() < 0 ? control.getDefaultPort() : control.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(control.getHost(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(request);
            byte[] reply = readAll(socket.getInputStream());
            try {
                InetAddress address = new GetExternalIpAddressUpnpIgdResponse(reply).getIpAddress();
                return Optional.ofNullable(address);
            } catch (RuntimeException e) {
                return Optional.empty(); // a fault or an empty NewExternalIPAddress
            }
        }
    }

    /** The router's LAN address: the host of its control URL, or null when that is a name, not an address. */
    static InetAddress gatewayOf(UpnpIgdPortMapper mapper) {
        try {
            String host = ((URL) hidden(mapper, "getControlUrl")).getHost();
            return InetAddress.ofLiteral(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (IOException | IllegalArgumentException e) {
            return null; // the log then names no gateway address
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        try {
            while ((n = in.read(buffer)) > 0 && out.size() < MAX_REPLY_BYTES) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (out.size() == 0) {
                throw e;
            }
            // a router that keeps the connection open: the reply is complete by now
        }
        return out.toByteArray();
    }

    /** The library keeps the control URL and service type behind protected getters; both are stable since 2.0. */
    private static Object hidden(UpnpIgdPortMapper mapper, String getter) throws IOException {
        try {
            Method m = UpnpIgdPortMapper.class.getDeclaredMethod(getter);
            m.setAccessible(true);
            return m.invoke(mapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot read the router's " + getter.substring(3) + " from the UPnP library", e);
        }
    }
}
