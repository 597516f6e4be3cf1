package org.tutti.client.ui;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.tutti.client.app.DesktopApp;
import org.tutti.client.engine.ClientEngine;
import org.tutti.client.model.ChannelProfile;
import org.tutti.client.model.GainSink;
import org.tutti.client.model.MixerModel;
import org.tutti.client.session.ClientSession;
import org.tutti.client.session.ClientWindowEvents;
import org.tutti.client.session.EngineFactory;
import org.tutti.client.session.EngineSession;
import org.tutti.client.session.IndicatorReadings;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.connect.ServerListSink;
import org.tutti.client.ui.connect.ServerRow;
import org.tutti.client.ui.mixer.MixerPresenter;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.server.ui.ServerPanelSettings;

/**
 * Shared set-up for window tests under Xvfb: a robot with its own AWT hierarchy, the EDT-violation checker, English
 * strings, and the boundary objects the window talks to (a session and a gain sink that record what they get).
 */
abstract class GuiTestSupport {
    Robot robot;

    @BeforeAll
    static void checkDisplay() {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(),
                    "no display: run GUI tests under xvfb-run");
        }
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void robot() {
        I18n.use("en", true);
        GuiActionRunner.execute(() -> Theme.install(Theme.LIGHT));
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(20);
    }

    @AfterEach
    void cleanUp() {
        robot.cleanUp();
    }

    /** Four musicians as a server would list them; we are channel 0. */
    static List<ChannelProfile> band() {
        return List.of(
                new ChannelProfile(0, "Me", 3, 74, "Lyon", 2),
                new ChannelProfile(1, "Alice", 10, 82, "Berlin", 3),
                new ChannelProfile(2, "Bob", 5, 224, "Leeds", 1),
                new ChannelProfile(3, "Chloé", 1, 206, "Genève", 0));
    }

    /** A window around recording boundaries; built on the EDT. */
    static Fixture window(ServerMode server) {
        return GuiActionRunner.execute(() -> {
            RecordingSession session = new RecordingSession();
            RecordingSink sink = new RecordingSink();
            ClientSettings settings = new ClientSettings();
            settings.network.recentServers.add("127.0.0.1:22124");
            UiPrefs prefs = UiPrefs.load("org/tutti/test/ui-" + ProcessHandle.current().pid());
            MixerPresenter presenter = new MixerPresenter(new MixerModel(), sink);
            MainWindow w = new MainWindow(session, presenter, settings, prefs, server, () -> { });
            presenter.attach(w::strips);
            session.events = w;
            return new Fixture(w, session, sink, presenter);
        });
    }

    record Fixture(MainWindow window, RecordingSession session, RecordingSink sink, MixerPresenter presenter) {
    }

    /** The engine boundary: remembers the calls; "connect" reports success like an engine would, on the EDT. */
    static final class RecordingSession implements ClientSession {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> chats = new CopyOnWriteArrayList<>();
        volatile ClientWindowEvents events;
        volatile IndicatorReadings status = IndicatorReadings.IDLE;
        volatile List<ServerRow> directoryRows = List.of();
        /** When set, the directory query reports this problem instead of a list. */
        volatile String directoryProblem;

        @Override
        public void connect(String address) {
            calls.add("connect " + address);
            SwingUtilities.invokeLater(() -> events.connected(address));
        }

        @Override
        public void disconnect() {
            calls.add("disconnect");
        }

        @Override
        public void muteMyself(boolean muted) {
            calls.add("muteMyself " + muted);
        }

        @Override
        public void inputBalance(int balance) {
            calls.add("balance " + balance);
        }

        @Override
        public void sendChat(String text) {
            chats.add(text);
        }

        @Override
        public void lobbyPassword(String password, boolean remember) {
            calls.add("lobbyPassword " + password + " " + remember);
        }

        @Override
        public IndicatorReadings status() {
            return status;
        }

        @Override
        public void queryDirectory(String directoryAddress, ServerListSink sink) {
            calls.add("query " + directoryAddress);
            List<ServerRow> rows = directoryRows;
            String problem = directoryProblem;
            SwingUtilities.invokeLater(() -> {
                if (problem != null) {
                    sink.showProblem(problem);
                } else {
                    sink.showServers(rows);
                }
            });
        }
    }

    /** The gains and pans the model asked the server to apply. */
    static final class RecordingSink implements GainSink {
        final Map<Integer, Double> gains = new ConcurrentHashMap<>();
        final Map<Integer, Double> pans = new ConcurrentHashMap<>();

        @Override
        public void gain(int channelId, double gain) {
            gains.put(channelId, gain);
        }

        @Override
        public void pan(int channelId, double pan) {
            pans.put(channelId, pan);
        }
    }

    /** A real engine on the paced fake backend, and its desktop window (built on the EDT). */
    record EngineWindow(MainWindow window, ClientSettings settings) {
    }

    /** Builds an {@link EngineWindow} for musician {@code name}; its engine goes into {@code open} to be closed. */
    static EngineWindow engineWindow(String name, List<AutoCloseable> open) {
        ClientSettings s = new ClientSettings();
        s.profile.name = name;
        EngineSession session = new EngineSession();
        session.useBackends(settings -> Optional.of(new PacedFakeBackend()));
        ClientEngine engine = EngineFactory.create(s,
                new PacedFakeBackend(), session);
        open.add(engine);
        UiPrefs prefs = UiPrefs.load("org/tutti/test/engine-" + ProcessHandle.current().pid());
        MainWindow w = GuiActionRunner.execute(() -> DesktopApp.engineWindow(engine, session, s,
                prefs, ServerPanelSettings.DEFAULT, () -> { }));
        return new EngineWindow(w, s);
    }

    /** The strip {@code w} shows for musician {@code name}, or null. */
    static StripView stripNamed(MainWindow w, String name) {
        return GuiActionRunner.execute(() -> w.board.shownOrder().stream().map(id -> w.board.strip(id).view())
                .filter(v -> v.name().equals(name)).findFirst().orElse(null));
    }
}
