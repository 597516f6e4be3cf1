/**
 * Directories (protocol doc §7): {@link org.tutti.server.directory.ServerRegistrar} keeps a server registered with a
 * directory; {@link org.tutti.server.directory.DirectoryService} is directory mode ({@code -e localhost}), with
 * {@link org.tutti.server.directory.DirectoryFile} persistence, {@link org.tutti.server.directory.ListFilter} and a
 * per-source {@link org.tutti.server.directory.RateLimiter}. The classes own no socket and no thread: the engine
 * passes in decoded CLMs with their source address and the time, calls {@code poll(nowMs)} regularly, and supplies
 * a {@link org.tutti.server.directory.ClmSink} that sends through its one UDP socket.
 */
package org.tutti.server.directory;
