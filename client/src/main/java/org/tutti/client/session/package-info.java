/**
 * What the desktop window needs from the client engine ({@link org.tutti.client.session.ClientSession}, events back
 * through {@link org.tutti.client.session.ClientWindowEvents}) and its implementations: {@code EngineSession} (a real
 * engine; engine work on the engine thread, results handed to the EDT), {@code OfflineSession} (no audio backend),
 * {@code EngineFactory} (engines from the settings and the command line) and {@code DirectoryBrowsing} (directory
 * browsing for the Connection Setup dialog). No Swing components here.
 */
package org.tutti.client.session;
