package org.tutti.server.engine;

/**
 * The server settings that may change while it runs (JSON-RPC, the server window) and that the protocol handler
 * reads when a client connects: the welcome message and the server name. Any thread writes (volatile fields, each
 * value replaced whole); the engine thread reads. Fixed settings stay in {@link ServerConfig}.
 */
final class LiveSettings {
    private final boolean licenceRequired;
    private volatile String welcomeMessage;
    private volatile String serverName;

    LiveSettings(ServerConfig config) {
        this.licenceRequired = config.licenceRequired();
        this.welcomeMessage = config.welcomeMessage();
        this.serverName = config.serverName();
    }

    boolean licenceRequired() {
        return licenceRequired;
    }

    String welcomeMessage() {
        return welcomeMessage;
    }

    void welcomeMessage(String text) {
        welcomeMessage = text == null ? "" : text;
    }

    String serverName() {
        return serverName;
    }

    void serverName(String name) {
        serverName = name == null ? "" : name;
    }
}
