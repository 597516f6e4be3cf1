/**
 * The client's view of a directory: {@link org.tutti.client.directory.ServerListQuery} fetches a directory's server
 * list and measures every listed server (ping, musicians, version) for the connect dialog, which reads immutable
 * {@link org.tutti.client.directory.ListedServer} snapshots. No socket, no thread: the client engine drives it.
 */
package org.tutti.client.directory;
