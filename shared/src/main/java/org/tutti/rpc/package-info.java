/**
 * JSON-RPC 2.0 over newline-delimited TCP, as Jamulus speaks it (protocol doc §9): one JSON object or batch per
 * line, a shared secret to authenticate first, Jamulus's error codes, and notifications to every authenticated
 * connection. The server and the headless client register their methods on a {@link org.tutti.rpc.JsonRpcServer}.
 */
package org.tutti.rpc;
