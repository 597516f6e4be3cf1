package org.tutti.server.engine;

import org.tutti.protocol.ConductorText;
import org.tutti.protocol.ConnectedMessage.ChatText;

/**
 * The conductor's mix: while a conductor is set, every other listener hears the conductor's personal mix (the
 * conductor's gains and pans over all sources, the metronome included) in its own stream format, unless it said
 * {@code /ownmix}. A chat line tells each listener what it hears whenever that changes. The mix phase reads the
 * result through {@link ClientChannel#mixControl}; this class only sets {@link ChannelControl#following}.
 *
 * <p>Engine thread only (commands, connects and disconnects).
 */
final class ConductorMix {
    static final String PREFIX = ConductorText.PREFIX;

    private final ChannelTable channels;
    private final Outbox outbox;
    private ClientChannel conductor;

    ConductorMix(ChannelTable channels, Outbox outbox) {
        this.channels = channels;
        this.outbox = outbox;
    }

    /** The conductor, or null. */
    ClientChannel conductor() {
        return conductor;
    }

    /** Makes {@code c} the conductor (null: nobody); every listener is told what it hears now. */
    void set(ClientChannel c, long nowNs) {
        if (c == conductor) {
            return;
        }
        conductor = c;
        ClientChannel[] active = channels.active();
        for (int i = 0; i < channels.activeCount(); i++) {
            ClientChannel l = active[i];
            follow(l);
            tell(l, nowNs);
        }
    }

    /** A listener just connected: it follows the conductor, if any, and is told so. */
    void joined(ClientChannel l, long nowNs) {
        follow(l);
        if (conductor != null) {
            tell(l, nowNs);
        }
    }

    /** A channel is about to close: if it was the conductor, everyone goes back to their own mix. */
    void leaving(ClientChannel c, long nowNs) {
        for (ClientChannel l : channels.slots()) {
            if (l.control.following == c) {
                l.control.following = null;
            }
        }
        if (c == conductor) {
            conductor = null;
            ClientChannel[] active = channels.active();
            for (int i = 0; i < channels.activeCount(); i++) {
                if (active[i] != c) {
                    say(active[i], ConductorText.left(name(c)), nowNs);
                }
            }
        }
    }

    /** {@code /ownmix} (own) or {@code /follow}; false when no conductor is set (the text is then chat). */
    boolean ownMix(ClientChannel l, boolean own, long nowNs) {
        if (conductor == null || l == conductor) {
            return false;
        }
        l.control.ownMix = own;
        follow(l);
        tell(l, nowNs);
        return true;
    }

    private void follow(ClientChannel l) {
        l.control.following = conductor != null && l != conductor && !l.control.ownMix ? conductor : null;
    }

    private void tell(ClientChannel l, long nowNs) {
        String text;
        if (conductor == null) {
            text = ConductorText.nobody();
        } else if (l == conductor) {
            text = ConductorText.youConduct();
        } else if (l.control.following == conductor) {
            text = ConductorText.following(name(conductor));
        } else {
            text = ConductorText.conductsOwnMix(name(conductor));
        }
        say(l, text, nowNs);
    }

    private void say(ClientChannel l, String text, long nowNs) {
        outbox.queue(l, new ChatText(text), nowNs);
    }

    private static String name(ClientChannel c) {
        String n = c.control.info.name();
        return n.isBlank() ? "channel " + c.id : Html.escape(n);
    }
}
