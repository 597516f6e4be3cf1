package org.tutti.client.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import org.tutti.cli.ParsedOptions;
import org.tutti.cli.UsageException;
import org.tutti.rpc.JsonRpcSecret;
import org.tutti.rpc.JsonRpcServer;

/**
 * {@code --jsonrpcport}, {@code --jsonrpcsecretfile} and {@code --jsonrpcbindip} as Jamulus 3.9.1 checks them, shared
 * by the headless and the desktop client so both refuse the same command lines: the port needs a secret file whose
 * first line has at least 16 characters; the server listens on 127.0.0.1 unless told otherwise.
 */
public final class RpcOptions {
    private RpcOptions() {
    }

    /**
     * The JSON-RPC server the options ask for, bound but not yet accepting, or null without {@code --jsonrpcport}.
     * Throws {@link UsageException} for a port without a secret file and {@link IOException} for a missing or short
     * secret or a port that cannot be bound (messages fit for the user).
     */
    public static JsonRpcServer open(ParsedOptions options) throws UsageException, IOException {
        if (!options.has("jsonrpcport")) {
            return null;
        }
        if (!options.has("jsonrpcsecretfile")) {
            throw new UsageException("--jsonrpcport needs --jsonrpcsecretfile");
        }
        int port = options.intValue("jsonrpcport", 0, 0, 65535);
        String secret = JsonRpcSecret.load(Path.of(options.value("jsonrpcsecretfile", "")));
        InetAddress bind = InetAddress.getByName(options.value("jsonrpcbindip", "127.0.0.1"));
        return new JsonRpcServer(bind, port, secret);
    }

    /** The line both clients print once listening. */
    public static String listening(JsonRpcServer rpc) {
        return "- JSON-RPC: listening on " + rpc.bindAddress().getHostAddress() + ":" + rpc.port();
    }
}
