/**
 * The client's view of a directory: {@link org.tutti.client.directory.ServerListQuery} fetches a directory's server
 * list and measures every listed server (ping, musicians, version) for the connect dialog, which reads immutable
 * {@link org.tutti.client.directory.ListedServer} snapshots. The query itself has no socket and no thread;
 * {@link org.tutti.client.directory.DirectoryPoller} runs it on its own UDP socket and thread, and
 * {@link org.tutti.client.directory.DirectoryBrowser} does so for the Connection Setup dialog (without knowing Swing).
 */
package org.tutti.client.directory;
