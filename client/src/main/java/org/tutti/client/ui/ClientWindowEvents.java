package org.tutti.client.ui;

import java.util.List;
import org.tutti.client.model.ChannelProfile;

/** Engine events the main window shows; call on the EDT (engines use {@code SwingUtilities.invokeLater}). */
public interface ClientWindowEvents {
    void connected(String serverAddress);

    /** Connection ended or failed; {@code reason} is shown when not blank. */
    void disconnected(String reason);

    void serverName(String name);

    void recording(boolean active);

    void channels(List<ChannelProfile> channels);

    void ownChannel(int channelId);

    void levels(int[] levels, int count);

    void mutedByOther(int channelId, boolean muted);

    /** A chat line (HTML built by the server); opens the chat window. */
    void chat(String html);

    void welcome(String html);

    /** The server requires accepting its terms (shown in the chat) before audio flows. */
    void licenceRequired();
}
