package org.tutti.client.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tutti.client.engine.ChannelMapping;
import org.tutti.client.engine.ChannelMode;
import org.tutti.client.model.FaderSettings;
import org.tutti.codec.OpusQuality;

/**
 * Everything the client remembers for one user, stored as JSON by {@link SettingsStore}. Plain mutable fields so that
 * Gson can read files written by older versions (missing fields keep these defaults). The file layout is documented
 * in {@code docs/client-settings.md}.
 */
public final class ClientSettings {
    /** Bumped when a field changes meaning; readers of a newer version keep what they understand. */
    public int version = 1;
    public Profile profile = new Profile();
    public Audio audio = new Audio();
    public Network network = new Network();
    public Window window = new Window();
    /** The built-in server ("Run my own server"), as its panel last applied it. */
    public Server server = new Server();
    /** Fader strips by musician name. */
    public Map<String, FaderSettings> faders = new LinkedHashMap<>();
    /** How the mixer treats musicians (Jamulus's "New client level"). */
    public Mixer mixer = new Mixer();
    /** MIDI control of the mixer (the settings' MIDI tab; {@code --ctrlmidich} wins for one run). */
    public Midi midi = new Midi();
    public Recording recording = new Recording();
    /** Several inputs as separate channels (the settings' Channels tab). */
    public SplitSettings split = new SplitSettings();
    /**
     * Session passwords of private servers, by {@code LobbyAnswerer.serverKey} (host:port), sent by the client when
     * it lands in that server's lobby. Secret: never logged, never shown; the file is readable by its owner only.
     */
    public Map<String, String> serverPasswords = new LinkedHashMap<>();

    /** The musician's profile, sent as CHANNEL_INFOS. */
    public static final class Profile {
        public String name = "";
        /** Instrument index (protocol doc §2.6), 0 = none. */
        public int instrument;
        /** Qt 5 country code, 0 = any. */
        public int country;
        public String city = "";
        /** 0 not set, 1 beginner, 2 intermediate, 3 expert. */
        public int skill;
    }

    /** Sound device and stream settings. */
    public static final class Audio {
        /** "jack", "javasound" … or empty for the first available backend. */
        public String backend = "";
        /** Device (JACK server or Java Sound mixer) or empty for the default. */
        public String device = "";
        /** 64, 128 or 256 frames. */
        public int bufferFrames = 128;
        /** Use OPUS64 when the buffer is 64 frames ("small network buffers"). */
        public boolean smallNetworkBuffers = true;
        /** "LOW", "NORMAL" or "HIGH". */
        public String quality = "NORMAL";
        /** "MONO", "MONO_IN_STEREO_OUT" or "STEREO"; mono by default, as in Jamulus (half the upstream bit rate). */
        public String channels = "MONO";
        /** Input boost factor 1..10. */
        public int inputBoost = 1;
        /** Input balance −50..50 (0 = centre). */
        public int inputPan;
        public boolean jitterAuto = true;
        /** Local jitter buffer, 1..20 blocks, used when not automatic. */
        public int jitterLocal = 10;
        public boolean serverJitterAuto = true;
        public int jitterServer = 10;
        /** Connect JACK ports to the system ports. */
        public boolean autoConnect = true;
        /** Jamulus's input reverb: level 0..100 (0 off) and, for mono streams, the input it acts on. */
        public int reverbLevel;
        public boolean reverbOnLeft = true;
        /** Jamulus's feedback protection: a loud input in a connection's first 3 s mutes us (docs/client-engine.md). */
        public boolean feedbackDetection = true;
        /** A short sound when a chat message arrives or a musician joins (Jamulus's "Audio alerts", off). */
        public boolean alerts;
        /** Device input (0-based choice, see {@link ChannelMapping}) that is the left input; 0 = input 1. */
        public int inputLeft;
        public int inputRight = 1;
        /** Device output that plays the left side; 0 = output 1. */
        public int outputLeft;
        public int outputRight = 1;

        /** {@link #quality} as the codec setting; an unknown or missing value reads as normal quality. */
        public OpusQuality opusQuality() {
            try {
                return OpusQuality.valueOf(quality.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                return OpusQuality.NORMAL;
            }
        }

        /** The channel mapping, each value clamped to what any device can offer. */
        public ChannelMapping channelMapping() {
            return ChannelMapping.clamped(inputLeft, inputRight, outputLeft, outputRight);
        }

        /** Stores {@code m} in the four fields. */
        public void channelMapping(ChannelMapping m) {
            inputLeft = m.inputLeft();
            inputRight = m.inputRight();
            outputLeft = m.outputLeft();
            outputRight = m.outputRight();
        }

        /** {@link #channels} as the engine's mode; an unknown or missing value reads as mono. */
        public ChannelMode channelMode() {
            try {
                return ChannelMode.valueOf(channels.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                return ChannelMode.MONO;
            }
        }
    }

    /** Servers and directories. */
    public static final class Network {
        public List<String> customDirectories = new ArrayList<>();
        public List<String> recentServers = new ArrayList<>();
        /** Connection Setup: list each server's musicians under it. */
        public boolean showAllMusicians = true;
        /** Local UDP port, 0 = any. */
        public int localPort;
    }

    /** The built-in server's panel: what it listens on, tells directories and clients, and where it records. */
    public static final class Server {
        /** Shown in server lists, at most 20 characters. */
        public String name = "";
        public String city = "";
        /** Qt 5 country code, 0 = any. */
        public int country;
        /** HTML welcome message, "" for none. */
        public String welcomeMessage = "";
        /** 1..150. */
        public int maxUsers = 10;
        public boolean delayPanning;
        public boolean fastUpdate;
        /** UDP port 1..65535. */
        public int port = 22124;
        /** Jam recorder folder, "" for none. */
        public String recordingDir = "";
        public boolean recordingEnabled = true;
        /** Directory to register with, {@code host[:port]}; "" keeps the server private. */
        public String directory = "";
        /**
         * Open the UDP port on the home router by UPnP/NAT-PMP while the built-in server runs (issue 19). On by
         * default on the desktop, where the person hosting rarely knows about port forwarding; the headless server
         * has {@code --portmapping on|off}, off by default. Not yet read by the panel.
         */
        public boolean portMapping = true;
        /** Upload speed of the home connection, kbit/s, for the panel's headroom estimate; 0 = not given. */
        public int uplinkKbps = 0;
        /** Session password; "" = anyone may join. Secret: the settings file is readable by its owner only. */
        public String password = "";
        /** The metronome's tempo and metre as last set (it always starts off). */
        public int metronomeBpm = 120;
        public int metronomeBeats = 4;
        /** Musicians may use /tempo, /click, /conduct in the chat. */
        public boolean chatCommands;
    }

    /** MIDI control: on or off, and the mapping in {@code --ctrlmidich} syntax (docs/client-settings.md). */
    public static final class Midi {
        public boolean enabled;
        /** A Korg nanoKONTROL2's layout: 8 faders from controller 0, pans from 16, solos from 32, mutes from 48. */
        public String setup = "0;f0*8;p16*8;s32*8;m48*8";
    }

    /** Recording at home (the Record button, {@code jamulusclient/startRecording}). */
    public static final class Recording {
        /** Where {@code Tutti-…} take folders go; empty means the user's Music folder, or home without one. */
        public String folder = "";

        public Path folderOrDefault() {
            return folder == null || folder.isBlank() ? defaultFolder() : Path.of(folder);
        }

        public static Path defaultFolder() {
            Path home = Path.of(System.getProperty("user.home"));
            Path music = home.resolve("Music");
            return Files.isDirectory(music) ? music : home;
        }
    }

    /** Mixer behaviour. */
    public static final class Mixer {
        /** The fader 0..100 a musician gets on joining when nothing is remembered for their name (Jamulus: 100). */
        public int newClientLevel = 100;
    }

    /** Main window placement; width 0 means "not yet placed". */
    public static final class Window {
        public int x;
        public int y;
        public int width;
        public int height;
        public boolean chatVisible;
        public boolean settingsVisible;
    }
}
