package org.tutti.client.ui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.tutti.Version;
import org.tutti.client.engine.ChannelMode;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.session.ClientSession;
import org.tutti.client.session.ClientWindowEvents;
import org.tutti.client.session.LobbyAnswerer;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.chat.ChatHtml;
import org.tutti.client.ui.chat.ChatWindow;
import org.tutti.client.ui.connect.LobbyPasswordDialog;
import org.tutti.client.ui.connect.ConnectDialog;
import org.tutti.client.ui.mixer.MixerActions;
import org.tutti.client.ui.mixer.MixerBoard;
import org.tutti.client.ui.mixer.MixerSetupActions;
import org.tutti.client.ui.alerts.AlertPlayer;
import org.tutti.client.ui.alerts.AudioAlerts;
import org.tutti.client.ui.mixer.StripView;
import org.tutti.client.ui.server.ServerMode;
import org.tutti.client.ui.settings.BackendInfo;
import org.tutti.client.ui.settings.SettingsDialog;
import org.tutti.client.ui.widgets.Icons;
import org.tutti.client.ui.widgets.WrappedText;
import org.tutti.client.ui.widgets.OnScreen;
import org.tutti.server.ui.ScrollingForm;

/**
 * The Tutti main window: connect button, local status (meters, Mute Myself, balance, LEDs), server heading with the
 * recording banner, the mixer board, and — when the built-in server runs — its panel. Engine events arrive through
 * {@link ClientWindowEvents} on the EDT; meters are polled from {@link ClientSession#status()} by a Swing timer.
 */
public final class MainWindow extends JFrame implements ClientWindowEvents {
    static final int POLL_MS = 50;

    final ClientSession session;
    final MixerBoard board;
    final ClientSettings settings;
    /** File → Load/Save Mixer Channels Setup and the Edit menu. */
    final MixerSetupActions mixerSetup;
    /** Jamulus's "Audio alerts": a sound on a chat message or a musician joining. */
    final AudioAlerts alerts;
    final UiPrefs prefs;
    final ServerMode serverMode;
    final Runnable saveSettings;
    List<BackendInfo> backends;
    final StatusPanel status;
    final JButton connect = new JButton(I18n.text("main.connect"));
    final JButton settingsButton = new JButton(I18n.text("main.settings"));
    final JButton chatButton = new JButton(I18n.text("main.chat"));
    final JLabel heading = new JLabel(I18n.tr("main.notConnected"));
    final JLabel recording = new JLabel(I18n.tr("main.recording"));
    final JPanel audioWarning = new JPanel(new MigLayout("insets 6", "[grow,fill][]"));
    final JLabel audioWarningText = new JLabel();
    final JTabbedPane tabs = new JTabbedPane();
    final ChatWindow chat;
    final Timer poll;
    private boolean connected;
    private boolean connecting;
    private boolean placed;
    /** Name of the server from the directory list; the heading shows it instead of the address. */
    private String serverTitle = "";
    private volatile Path recordingFolder;

    /** The settings this window edits and saves (EDT only). */
    public ClientSettings settings() {
        return settings;
    }

    /** The built-in server behind "Run my own server". */
    public ServerMode serverMode() {
        return serverMode;
    }

    /** Shows "mute myself" as set from elsewhere (JSON-RPC); the engine has been told already. */
    public void showMuteMyself(boolean on) {
        status.showMuteMyself(on);
    }

    /** Where a take started over JSON-RPC goes unless it names a folder (any thread: a snapshot of the setting). */
    public Path recordingFolder() {
        return recordingFolder;
    }

    @Override
    public void showHomeRecording(Path take) {
        status.showRecording(take);
    }

    @Override
    public void homeRecordingFailed(Path take, String reason) {
        status.showRecording(null);
        JOptionPane.showMessageDialog(this, I18n.tr("main.recordStopped", reason, take.toString()),
                I18n.tr("main.title"), JOptionPane.WARNING_MESSAGE);
    }

    /** Alias for the desktop's JSON-RPC. */
    public void showRecording(Path take) {
        showHomeRecording(take);
    }

    // The Record button: a take folder under the chosen recording folder, or the take ends.
    private void toggleHomeRecording() {
        if (!status.record.isSelected()) {
            session.stopRecording();
            status.showRecording(null);
            return;
        }
        try {
            status.showRecording(session.startRecording(settings.recording.folderOrDefault()));
        } catch (IOException | RuntimeException ex) {
            status.showRecording(null);
            JOptionPane.showMessageDialog(this, I18n.tr("main.recordFailed", String.valueOf(ex.getMessage())),
                    I18n.tr("main.title"), JOptionPane.WARNING_MESSAGE);
        }
    }

    /** {@code -M}: ticks Mute Myself as the user would, so the engine, the box and the banner agree. */
    public void muteMyselfAtStart() {
        status.muteMyself.doClick();
    }

    public MainWindow(ClientSession session, MixerActions mixerActions, ClientSettings settings, UiPrefs prefs,
                      ServerMode serverMode, Runnable saveSettings) {
        super(I18n.tr("main.title"));
        this.session = session;
        this.board = new MixerBoard(mixerActions);
        this.mixerSetup = new MixerSetupActions(this, mixerActions);
        this.alerts = new AudioAlerts(() -> settings.audio.alerts, new AlertPlayer());
        this.settings = settings;
        this.prefs = prefs;
        this.serverMode = serverMode;
        this.saveSettings = saveSettings;
        this.backends = List.of();
        setName("mainWindow");
        setIconImage(appImage());
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        status = new StatusPanel(session);
        status.record.addActionListener(e -> toggleHomeRecording());
        recordingFolder = settings.recording.folderOrDefault();
        chat = new ChatWindow(this, session::sendChat);

        connect.setName("connectButton");
        settingsButton.setName("settingsButton");
        chatButton.setName("chatButton");
        heading.setName("serverHeading");
        recording.setName("recordingBanner");
        connect.setMnemonic(I18n.mnemonic("main.connect"));
        settingsButton.setMnemonic(I18n.mnemonic("main.settings"));
        chatButton.setMnemonic(I18n.mnemonic("main.chat"));
        connect.setToolTipText(I18n.tr("main.connect.tip"));
        settingsButton.setToolTipText(I18n.tr("main.settings.tip"));
        chatButton.setToolTipText(I18n.tr("main.chat.tip"));
        connect.addActionListener(e -> toggleConnection());
        settingsButton.addActionListener(e -> openSettings());
        chatButton.addActionListener(e -> chat.setVisible(true));

        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() * 1.4f));
        recording.setOpaque(true);
        recording.setBackground(ThemeColours.get(ThemeColours.RECORDING_BACKGROUND));
        recording.setForeground(ThemeColours.get(ThemeColours.RECORDING_FOREGROUND));
        recording.setFont(recording.getFont().deriveFont(Font.BOLD));
        recording.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        recording.setVisible(false);

        audioWarning.setName("audioWarning");
        audioWarning.setBackground(ThemeColours.get(ThemeColours.AUDIO_WARNING_BACKGROUND));
        JButton pickAudio = new JButton(I18n.text("main.pickAudio"));
        pickAudio.setName("pickAudio");
        pickAudio.addActionListener(e -> openSettings());
        audioWarning.add(audioWarningText, "wmin 100");
        audioWarning.add(pickAudio);
        audioWarning.setVisible(false);

        JPanel top = new JPanel(new MigLayout("insets dialog, gap 8", "[][grow,fill][]", "[][]"));
        JPanel buttons = new JPanel(new MigLayout("insets 0, wrap 1, gap 4", "[fill]"));
        buttons.add(connect, "sg b");
        buttons.add(settingsButton, "sg b");
        buttons.add(chatButton, "sg b");
        top.add(buttons, "spany 2, top");
        top.add(heading, "split 2, growx");
        top.add(recording, "wrap");
        top.add(status, "wrap");
        top.add(audioWarning, "span 3, growx, hidemode 3");

        JScrollPane mixerScroll = new JScrollPane(board);
        mixerScroll.setBorder(BorderFactory.createEmptyBorder());
        mixerScroll.getHorizontalScrollBar().setUnitIncrement(16);
        tabs.setName("tabs");
        JPanel mixerTab = new JPanel(new BorderLayout());
        mixerTab.add(board.privateSessionBar(), BorderLayout.NORTH);
        mixerTab.add(mixerScroll, BorderLayout.CENTER);
        tabs.addTab(I18n.text("main.tab.mixer"), mixerTab);

        getContentPane().setLayout(new BorderLayout());
        getContentPane().add(top, BorderLayout.NORTH);
        getContentPane().add(tabs, BorderLayout.CENTER);
        setJMenuBar(new MainMenu(this).build());
        board.setRows(prefs.mixerRows);
        board.setSort(prefs.sort, prefs.ownFaderFirst);
        board.setPanVisible(settings.audio.channelMode() != ChannelMode.MONO);

        poll = new Timer(POLL_MS, e -> {
            status.render(session.status());
            MidiSession midi = session.midi();
            board.setShowChannelIds(midi != null && midi.setup() != null);
        });
        poll.start();
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                rememberPlacement();
            }

            @Override
            public void windowClosed(WindowEvent e) {
                poll.stop();
                chat.dispose();
            }
        });
        placeFromSettings();
    }

    /** The last placement from the settings if it still fits on a screen, else a default size. */
    private void placeFromSettings() {
        ClientSettings.Window p = settings.window;
        Rectangle wanted = new Rectangle(p.x, p.y, p.width, p.height);
        Rectangle screens = new Rectangle();
        for (GraphicsDevice d : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            screens = screens.union(d.getDefaultConfiguration().getBounds());
        }
        if (p.width >= 400 && p.height >= 300 && screens.intersects(wanted)) {
            setBounds(wanted);
            placed = true;
        } else {
            setSize(UIScale.scale(new Dimension(1000, 640)));
            OnScreen.limit(this);
        }
    }

    /** True when the size and place came from the settings (the caller should not move the window). */
    public boolean placedFromSettings() {
        return placed;
    }

    void rememberPlacement() {
        Rectangle b = getBounds();
        settings.window.x = b.x;
        settings.window.y = b.y;
        settings.window.width = b.width;
        settings.window.height = b.height;
        settings.window.chatVisible = chat.isVisible();
    }

    /** Start-up found the audio backends: warn plainly when none can play. */
    public void backendsProbed(List<BackendInfo> found) {
        this.backends = found;
        boolean usable = BackendInfo.anyUsable(found);
        audioWarningText.setText("<html>" + ChatHtml.escape(I18n.tr("main.noAudio", BackendInfo.whyNone(found)))
                + "</html>");
        audioWarning.setVisible(!usable);
    }

    @Override
    public void dispose() {
        if (isDisplayable()) {
            rememberPlacement();
        }
        alerts.player().close();
        super.dispose();
    }

    void toggleConnection() {
        if (connected || connecting) {
            session.disconnect();
            disconnected("");
            return;
        }
        ConnectDialog[] ref = new ConnectDialog[1];
        ConnectDialog dialog = new ConnectDialog(this, settings.network.customDirectories,
                settings.network.recentServers, d -> session.queryDirectory(d.address(), ref[0]));
        ref[0] = dialog;
        dialog.setShowAllMusicians(settings.network.showAllMusicians);
        dialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                session.queryDirectory(dialog.selectedDirectory().address(), dialog);
            }
        });
        String address = dialog.ask();
        session.stopDirectory();
        settings.network.showAllMusicians = dialog.showsAllMusicians();
        if (!dialog.customDirectories().equals(settings.network.customDirectories)
                || !dialog.history().equals(settings.network.recentServers)) {
            settings.network.customDirectories = new ArrayList<>(dialog.customDirectories());
            settings.network.recentServers = new ArrayList<>(dialog.history());
            saveSettings.run();
        }
        if (address != null) {
            connectTo(address);
            serverTitle = dialog.chosenName();
        }
    }

    /** Connects to {@code address} (also used by "join my own server"). */
    public void connectTo(String address) {
        serverTitle = "";
        settings.network.recentServers = ConnectDialog.remember(settings.network.recentServers, address);
        saveSettings.run();
        connecting = true;
        status.hearMyself.setEnabled(false); // the connection takes the sound check's stream over
        connect.setText(I18n.text("main.disconnect"));
        heading.setText(I18n.tr("main.connecting", address));
        session.connect(address);
    }

    /** The settings that need a new sound device stream when they change (the stream format changes live). */
    static String streamKey(ClientSettings s) {
        ClientSettings.Audio a = s.audio;
        return String.join("|", a.backend, a.device, Integer.toString(a.bufferFrames));
    }

    void openSettings() {
        String channelsBefore = settings.audio.channels;
        String streamBefore = streamKey(settings);
        Theme themeBefore = prefs.theme;
        if (new SettingsDialog(this, settings, prefs, backends, session.midi())
                .channelMappingFellBack(session.channelMappingFellBack()).ask()) {
            saveSettings.run();
            prefs.save();
            recordingFolder = settings.recording.folderOrDefault();
            session.settingsChanged(settings, !streamBefore.equals(streamKey(settings)));
            if (prefs.theme != themeBefore) {
                Theme resolved = prefs.theme.resolve();
                Theme.install(resolved);
                board.restyle();
            }
            if (!channelsBefore.equals(settings.audio.channels)) {
                board.setPanVisible(settings.audio.channelMode() != ChannelMode.MONO);
            }
        }
    }

    @Override
    public void connected(String serverAddress) {
        alerts.reset();
        connected = true;
        connecting = false;
        connect.setText(I18n.text("main.disconnect"));
        heading.setText(serverTitle.isBlank() ? serverAddress : serverTitle);
    }

    @Override
    public void disconnected(String reason) {
        alerts.reset();
        connected = false;
        connecting = false;
        status.hearMyself.setEnabled(true);
        connect.setText(I18n.text("main.connect"));
        heading.setText(I18n.tr("main.notConnected"));
        recording.setVisible(false);
        board.render(List.of());
        if (reason != null && !reason.isBlank()) {
            JOptionPane.showMessageDialog(this, reason, I18n.tr("main.title"), JOptionPane.WARNING_MESSAGE);
        }
    }

    @Override
    public void serverName(String name) {
        heading.setText(name);
    }

    @Override
    public void recording(boolean active) {
        recording.setVisible(active);
    }

    @Override
    public void strips(List<StripView> strips) {
        if (connected) {
            alerts.musicians(strips.size());
        }
        board.render(strips);
    }

    @Override
    public void chat(String html) {
        alerts.chatMessage();
        chat.addMessage(html);
        if (!chat.isVisible()) {
            chat.setVisible(true);
        }
    }

    @Override
    public void welcome(String html) {
        chat.addWelcome(html);
    }

    @Override
    public void licenceRequired() {
        chat.setVisible(true);
        if (!new LicenceDialog(this).ask()) {
            session.disconnect();
            disconnected("");
        }
    }

    @Override
    public void following(String name) {
        board.setFollowing(name);
    }

    @Override
    public void feedbackDetected() {
        JCheckBox keep = new JCheckBox(I18n.text("feedback.keep"), settings.audio.feedbackDetection);
        keep.setName("feedbackKeep");
        Object[] message = {new WrappedText(I18n.tr("feedback.text"), 420), keep};
        JOptionPane.showMessageDialog(this, message, I18n.tr("feedback.title"), JOptionPane.WARNING_MESSAGE);
        if (keep.isSelected() != settings.audio.feedbackDetection) {
            settings.audio.feedbackDetection = keep.isSelected();
            saveSettings.run();
            session.settingsChanged(settings, false);
        }
    }

    @Override
    public void lobbyPasswordNeeded(String serverAddress, boolean wrong) {
        if (!LobbyPasswordDialog.ask(this, serverAddress, wrong, session::lobbyPassword)) {
            chat.setVisible(true); // still in the lobby: the chat shows why, and the password can be typed there
        }
    }

    @Override
    public void rememberPassword(String serverAddress, String password) {
        LobbyAnswerer.store(settings, serverAddress, password);
        saveSettings.run();
    }

    /** "Run my own server" switched; returns false (and explains) when the server could not start. */
    boolean serverSwitched(boolean on) {
        if (!on) {
            serverMode.stop();
            int i = tabs.indexOfTab(I18n.text("main.tab.server"));
            if (i >= 0) {
                tabs.removeTabAt(i);
            }
            return true;
        }
        String problem = serverMode.start();
        if (!problem.isEmpty()) {
            JOptionPane.showMessageDialog(this, problem, I18n.tr("main.title"), JOptionPane.WARNING_MESSAGE);
            return false;
        }
        tabs.addTab(I18n.text("main.tab.server"), org.tutti.server.ui.ScrollingForm.wrap(serverMode.panel()));
        tabs.setSelectedIndex(tabs.getTabCount() - 1);
        return true;
    }

    void about() {
        JOptionPane.showMessageDialog(this, I18n.tr("main.about", Version.version()), I18n.text("menu.about"),
                JOptionPane.INFORMATION_MESSAGE);
    }

    private static Image appImage() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        Icons.app(64).paintIcon(null, g, 0, 0);
        g.dispose();
        return img;
    }
}
