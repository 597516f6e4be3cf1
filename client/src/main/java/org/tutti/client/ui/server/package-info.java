/**
 * The server inside the desktop app: "Run my own server" ({@link org.tutti.client.ui.server.BuiltInServer} behind
 * {@link org.tutti.client.ui.server.ServerMode}) and the {@code tutti -s} window; both show
 * {@code org.tutti.server.ui.ServerPanel}.
 */
package org.tutti.client.ui.server;
