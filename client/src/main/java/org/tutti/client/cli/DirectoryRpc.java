package org.tutti.client.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import org.tutti.client.directory.DirectoryPoller;
import org.tutti.client.directory.ListedServer;
import org.tutti.client.directory.ServerListListener;
import org.tutti.client.engine.ServerAddress;
import org.tutti.net.AddressText;
import org.tutti.rpc.JsonRpcException;
import org.tutti.rpc.JsonRpcServer;
import org.tutti.protocol.Countries;
import org.tutti.server.directory.KnownDirectory;

/**
 * The 3.12 directory methods of the headless client: {@code jamulusclient/pollServerList} asks a directory for its
 * list (on its own socket, for {@link #POLL_MS}) and reports it with the {@code serverListReceived} notification,
 * then every ping answer of a listed server with {@code serverInfoReceived}; {@code getCurrentDirectory} names the
 * directory last polled (Jamulus's default directory before that).
 */
final class DirectoryRpc {
    /** Long enough for the list's own retries (every 2 s) and a few ping rounds (every 2.5 s). */
    static final long POLL_MS = 10_000;
    static final String DEFAULT_DIRECTORY = KnownDirectory.DEFAULT.address().toString();

    private final JsonRpcServer rpc;
    private DirectoryPoller poller;
    private String currentDirectory = DEFAULT_DIRECTORY;

    DirectoryRpc(JsonRpcServer rpc) {
        this.rpc = rpc;
    }

    void bind() {
        rpc.handle("jamulusclient/pollServerList", p -> {
            if (p.get("directory") == null || !p.get("directory").isJsonPrimitive()
                    || !p.getAsJsonPrimitive("directory").isString()) {
                throw JsonRpcException.invalidParams("directory is not a string");
            }
            String text = p.get("directory").getAsString();
            // An old *.jamulus.io name polls the directory that now has it; getCurrentDirectory echoes the text.
            InetSocketAddress directory = resolveIpv4(KnownDirectory.migrate(text));
            poll(text, directory);
            return new JsonPrimitive("ok");
        });
        rpc.handle("jamulusclient/getCurrentDirectory", p -> new JsonPrimitive(current()));
    }

    // Like Jamulus, directories are reached over IPv4 only.
    private static InetSocketAddress resolveIpv4(String text) throws JsonRpcException {
        try {
            InetSocketAddress a = ServerAddress.parse(text).resolve();
            if (a.getAddress() instanceof Inet4Address) {
                return a;
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        throw JsonRpcException.invalidParams("directory is not a valid socket address");
    }

    private synchronized void poll(String text, InetSocketAddress directory) throws JsonRpcException {
        currentDirectory = text;
        if (poller != null) {
            poller.close(); // a new poll replaces the previous one
        }
        try {
            poller = DirectoryPoller.start(directory, POLL_MS, new Notifier());
        } catch (IOException e) {
            throw new JsonRpcException(1, "Cannot open a socket for the directory: " + e.getMessage());
        }
    }

    private synchronized String current() {
        return currentDirectory;
    }

    synchronized void close() {
        if (poller != null) {
            poller.close();
        }
    }

    static String address(InetSocketAddress a) {
        return AddressText.format(a);
    }

    /** Turns the query's callbacks into the 3.12 notifications. */
    private final class Notifier implements ServerListListener {
        private volatile List<ListedServer> latest = List.of();

        @Override
        public void serversChanged(List<ListedServer> servers) {
            latest = servers;
        }

        @Override
        public void listReceived(boolean full) {
            if (!full) {
                return; // Jamulus notifies the full list only
            }
            JsonArray servers = new JsonArray();
            for (ListedServer s : latest) {
                JsonObject o = new JsonObject();
                o.addProperty("address", address(s.address())); // entry 0: the directory's own address
                o.addProperty("name", s.name());
                o.addProperty("countryId", s.country());
                o.addProperty("country", Countries.displayName(s.country()));
                o.addProperty("city", s.city());
                servers.add(o);
            }
            JsonObject params = new JsonObject();
            params.add("servers", servers);
            rpc.broadcast("jamulusclient/serverListReceived", params);
        }

        @Override
        public void serverAnswered(ListedServer server) {
            JsonObject params = new JsonObject();
            params.addProperty("address", address(server.address()));
            params.addProperty("pingTime", server.pingMs());
            params.addProperty("numClients", server.numClients());
            rpc.broadcast("jamulusclient/serverInfoReceived", params);
        }
    }
}
