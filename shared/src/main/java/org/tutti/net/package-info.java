/**
 * Connection-level networking on top of {@link org.tutti.protocol}: the per-connection reliable channel
 * ({@link org.tutti.net.ReliableChannel}) and the sink through which it emits datagrams. Sockets live in the engines.
 */
package org.tutti.net;
