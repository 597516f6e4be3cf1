package org.tutti.server.engine;

import java.util.Locale;
import org.tutti.server.mix.Metronome;

/**
 * Musicians' chat commands. When the server allows them ({@code --chatcommands}): {@code /tempo 96} (or
 * {@code /tempo 120/3}) and {@code /click on|off} for the metronome, {@code /conduct} (the sender becomes the
 * conductor) and {@code /conduct off} (the conductor stops). Always, while a conductor is set: {@code /ownmix} and
 * {@code /follow}, a listener's own choice. A command is not passed on as chat: the server tells everyone what
 * changed, or tells only the sender why it did nothing. Any other text, and every text while commands are off, is
 * ordinary chat (a line that merely starts with a slash included).
 *
 * <p>Engine thread only: {@link #handle} runs in the protocol handler, {@link #allow} through the engine's command
 * queue.
 */
final class ChatCommands {
    /** Applies metronome settings on the engine thread (the engine's own switch: lists, columns, clicks). */
    interface MetronomeSwitch {
        void apply(boolean enabled, int bpm, int beatsPerBar);
    }

    /** What to answer: {@code html} to every client, or only to the sender; null html: handled, nothing to say. */
    record Reply(boolean toAll, String html) {
        static final Reply SILENT = new Reply(false, null);
    }

    static final String PREFIX = "<b>Metronome:</b> ";

    private final MetronomeChannel metronome;
    private final MetronomeSwitch metronomeSwitch;
    private final ConductorMix conductor;
    private boolean allowed;

    ChatCommands(MetronomeChannel metronome, MetronomeSwitch metronomeSwitch, ConductorMix conductor) {
        this.metronome = metronome;
        this.metronomeSwitch = metronomeSwitch;
        this.conductor = conductor;
    }

    boolean allowed() {
        return allowed;
    }

    void allow(boolean on) {
        allowed = on;
    }

    /** The answer to {@code text} from {@code sender} if it is a command, else null (it is chat). */
    Reply handle(ClientChannel sender, String text, long nowNs) {
        String[] words = text.strip().split("\\s+");
        if (words.length == 0 || words.length > 2) {
            return null;
        }
        String command = words[0].toLowerCase(Locale.ROOT);
        String argument = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "";
        String name = sender.control.info.name();
        if (argument.isEmpty() && (command.equals("/ownmix") || command.equals("/follow"))) {
            return conductor.ownMix(sender, command.equals("/ownmix"), nowNs) ? Reply.SILENT : null;
        }
        if (!allowed) {
            return null;
        }
        return switch (command) {
            case "/tempo" -> tempo(name, argument);
            case "/click" -> click(name, argument);
            case "/conduct" -> conduct(sender, argument, nowNs);
            default -> null;
        };
    }

    private Reply conduct(ClientChannel sender, String argument, long nowNs) {
        switch (argument) {
            case "" -> conductor.set(sender, nowNs);
            case "off" -> {
                if (conductor.conductor() != sender) {
                    return new Reply(false, ConductorMix.PREFIX + "only the conductor can stop conducting");
                }
                conductor.set(null, nowNs);
            }
            default -> {
                return new Reply(false, ConductorMix.PREFIX + "/conduct makes you the conductor, /conduct off stops");
            }
        }
        return Reply.SILENT;
    }

    private Reply tempo(String name, String argument) {
        MetronomeSettings now = metronome.settings();
        String[] parts = argument.split("/", -1);
        int bpm;
        int beats = now.beatsPerBar();
        try {
            bpm = Integer.parseInt(parts[0]);
            if (parts.length == 2) {
                beats = Integer.parseInt(parts[1]);
            }
            if (parts.length > 2) {
                throw new NumberFormatException(argument);
            }
            Metronome.check(bpm, beats);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return new Reply(false, PREFIX + "/tempo needs " + Metronome.MIN_BPM + " to " + Metronome.MAX_BPM
                    + " beats per minute, or BPM/BEATS with " + Metronome.MIN_BEATS_PER_BAR + " to "
                    + Metronome.MAX_BEATS_PER_BAR + " beats per bar, e.g. /tempo 96 or /tempo 120/3");
        }
        metronomeSwitch.apply(now.enabled(), bpm, beats);
        return new Reply(true, PREFIX + Html.escape(name) + " set " + bpm + " bpm, " + beats + " beats per bar"
                + (now.enabled() ? "" : " (off: /click on starts it)"));
    }

    private Reply click(String name, String argument) {
        boolean on;
        switch (argument) {
            case "on" -> on = true;
            case "off" -> on = false;
            default -> {
                return new Reply(false, PREFIX + "/click needs on or off");
            }
        }
        MetronomeSettings now = metronome.settings();
        if (on && now.channelId() < 0) {
            return new Reply(false, PREFIX + "not available on a server for more than "
                    + MetronomeSettings.MAX_CLIENTS_WITH_METRONOME + " musicians");
        }
        metronomeSwitch.apply(on, now.bpm(), now.beatsPerBar());
        return new Reply(true, PREFIX + Html.escape(name) + (on ? " switched it on: " + now.bpm() + " bpm, "
                + now.beatsPerBar() + " beats per bar, one bar of count-in" : " switched it off"));
    }
}
