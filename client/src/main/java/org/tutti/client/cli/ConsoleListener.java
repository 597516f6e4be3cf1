package org.tutti.client.cli;

import java.io.PrintStream;
import java.util.List;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.model.MixerChannel;
import org.tutti.protocol.LicenceType;

/** Prints the headless client's session events, one line each, like Jamulus's console output. */
final class ConsoleListener implements ClientListener {
    private final PrintStream out;

    ConsoleListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void connected(int channelId) {
        out.println("- connected, channel " + channelId);
    }

    @Override
    public void disconnected(String reason) {
        out.println("- disconnected: " + reason);
    }

    @Override
    public void clientListChanged(List<MixerChannel> channels) {
        out.println("- musicians: " + channels.stream().map(MixerChannel::name).toList());
    }

    @Override
    public void chatReceived(String html) {
        out.println("- chat: " + html.replaceAll("<[^>]*>", ""));
    }

    @Override
    public void licenceRequired(LicenceType licence) {
        out.println("- the server asks to accept a licence (" + licence + "); staying connected means accepting it");
    }

    @Override
    public void serverVersion(String version) {
        out.println("- server version " + version);
    }

    @Override
    public void feedbackDetected() {
        out.println("- feedback or a very loud input at the start: muted myself; fix the cause, then unmute");
    }
}
