/**
 * Start-up of the desktop app: {@link org.tutti.client.app.DesktopApp} loads the settings, language and theme, builds
 * the engine and the main window and waits for it to close; {@code DesktopRpc} serves {@code --jsonrpcport} through the
 * window. The launcher of the whole jar is {@code org.tutti.app.Main}.
 */
package org.tutti.client.app;
