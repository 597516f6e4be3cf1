package org.tutti.server.engine;

import java.net.InetSocketAddress;
import org.tutti.protocol.ConnectionlessMessage;
import org.tutti.protocol.RecorderState;

/** What the protocol handler needs of the hosted directory role and jam recorder ({@link HostedRoles}). */
interface HostedRolesPort {
    /** Offers a connection-less message to the directory role first; true when it consumed it. */
    boolean offerToDirectory(ConnectionlessMessage message, InetSocketAddress from, long nowNs);

    /** The recorder's state as RECORDER_STATE carries it ({@link RecorderState#NOT_INITIALISED} without one). */
    RecorderState recorderState();
}
