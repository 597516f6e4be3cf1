package org.tutti.server.ui;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.UIManager;
import javax.swing.table.AbstractTableModel;
import net.miginfocom.swing.MigLayout;
import org.tutti.server.directory.RegistrationStatus;
import org.tutti.server.engine.Ban;
import org.tutti.server.engine.Html;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.hosting.AddressWatch;
import org.tutti.server.hosting.PortMappingStatus;
import org.tutti.server.recorder.RecorderState;

/**
 * The server's panel (built-in server and the {@code -s} window): connected clients (address, name, jitter buffer,
 * channels), server name/city/country, directory selector with the registration status, welcome message editor, jam
 * recorder controls and options (max users, delay panning, fast update, port), plus "Join my own server"; a context
 * menu on a musician kicks or bans them, and the bans list unbans. It renders
 * what the server reports and forwards edits to a {@link ServerPanelListener}.
 */
public final class ServerPanel extends JPanel {
    /** UI key of the "server stopped" text colour; the desktop app's themes define it (ThemeColours). */
    public static final String STOPPED_FOREGROUND = "Tutti.serverStopped.foreground";

    private final ClientsModel clients = new ClientsModel();
    private final JTable table = new JTable(clients);
    private final JTextField name = new JTextField(14);
    private final JTextField city = new JTextField(14);
    private final CountryChoice countryChoice = new CountryChoice();
    private final JComboBox<Integer> country = countryChoice.component();
    private final JTextArea welcome = new JTextArea(5, 30);
    private final DirectoryControls directory;
    private final RecorderControls recorder;
    private final JSpinner maxUsers = new JSpinner(new SpinnerNumberModel(10, 1, 150, 1));
    private final JCheckBox delayPan = new JCheckBox(ServerText.text("server.delayPan"));
    private final JCheckBox fastUpdate = new JCheckBox(ServerText.text("server.fastUpdate"));
    private final JSpinner port = new JSpinner(new SpinnerNumberModel(22124, 1, 65535, 1));
    private final JCheckBox portMapping = new JCheckBox(ServerText.text("server.portMapping"));
    /** The host's upload speed in Mbit/s (0 = not given): what the server can send to musicians. */
    private final JSpinner uplinkMbps = new JSpinner(new SpinnerNumberModel(0.0, 0.0, 10_000.0, 0.5));
    /** How many more musicians the upload fits, at the settings most clients use. */
    private final JLabel headroom = new JLabel();
    /** The address friends connect to, or why the router could not be asked; empty until a server runs. */
    private final JLabel addressToShare = new JLabel();
    private final JButton apply = new JButton(ServerText.text("server.apply"));
    private final JButton join = new JButton(ServerText.text("server.join"));
    private final JLabel count = new JLabel();
    /** The session password: empty = anyone may join; set = newcomers wait in the lobby (applied live). */
    private final JPasswordField password = new JPasswordField(12);
    private final JLabel passwordHint = new JLabel();
    private final BanControls bans;
    private final MetronomeControls metronome = new MetronomeControls();
    private final ConductorControls conductor = new ConductorControls();
    /** Where the musician menu and the bans list send their actions: the binding, once there is one (EDT). */
    private ClientActions clientActions = ClientActions.NONE;
    private final JCheckBox chatCommands = new JCheckBox(ServerText.text("server.chatCommands"));

    public ServerPanel(ServerPanelSettings initial, ServerPanelListener listener) {
        super(new MigLayout("insets dialog, fill", "[grow,fill][]", "[][grow,fill][][]"));
        setName("serverPanel");
        directory = new DirectoryControls(initial.directory());
        recorder = new RecorderControls(initial.recordingDir(), initial.recordingEnabled());
        table.setName("serverClients");
        table.getAccessibleContext().setAccessibleName(ServerText.tr("server.clients"));
        table.setToolTipText(ServerText.tr("server.clients.tip"));
        table.setSelectionMode(javax.swing.ListSelectionModel.SINGLE_SELECTION);
        ClientMenu.install(table, this::selectedClientId, this::selectedClientWaits, () -> clientActions);
        bans = new BanControls(address -> clientActions.unban(address));
        join.setName("joinOwnServer");
        apply.setName("serverApply");
        join.setMnemonic(ServerText.mnemonic("server.join"));
        apply.setMnemonic(ServerText.mnemonic("server.apply"));
        join.setToolTipText(ServerText.tr("server.join.tip"));
        apply.setToolTipText(ServerText.tr("server.apply.tip"));
        delayPan.setToolTipText(ServerText.tr("server.delayPan.tip"));
        fastUpdate.setToolTipText(ServerText.tr("server.fastUpdate.tip"));
        password.setName("serverPassword");
        password.setToolTipText(ServerText.tr("server.password.tip"));
        passwordHint.setName("serverPasswordHint");
        passwordHint.setText(ServerText.tr("server.password.hint"));
        chatCommands.setName("serverChatCommands");
        chatCommands.setToolTipText(ServerText.tr("server.chatCommands.tip"));
        portMapping.setName("serverPortMapping");
        portMapping.setToolTipText(ServerText.tr("server.portMapping.tip"));
        addressToShare.setName("serverAddressToShare");
        uplinkMbps.setName("serverUplink");
        uplinkMbps.setToolTipText(ServerText.tr("server.uplink.tip"));
        headroom.setName("serverHeadroom");
        name.setToolTipText(ServerText.tr("server.name.tip"));
        city.setToolTipText(ServerText.tr("server.city.tip"));
        country.setToolTipText(ServerText.tr("server.country.tip"));
        maxUsers.setToolTipText(ServerText.tr("server.maxUsers.tip"));
        port.setToolTipText(ServerText.tr("server.port.tip"));
        welcome.setLineWrap(true);
        welcome.setWrapStyleWord(true);
        port.setEditor(new JSpinner.NumberEditor(port, "#")); // a port is not a quantity: no digit grouping
        load(initial);

        count.setName("serverClientCount");
        add(new JLabel(ServerText.tr("server.clients")), "split 2");
        add(count, "gapleft push");
        add(join, "wrap");
        add(new JScrollPane(table), "h 120:240");

        JPanel side = new JPanel(new MigLayout("insets 0, wrap 2", "[right][grow,fill]"));
        row(side, "server.name", name);
        row(side, "server.city", city);
        row(side, "server.country", country);
        row(side, "server.directory", directory.selector);
        side.add(directory.custom, "skip");
        side.add(directory.status, "skip, wmax 260");
        side.add(directory.type, "skip, wmax 340");
        row(side, "server.password", password);
        side.add(passwordHint, "skip, wmax 340");
        row(side, "server.maxUsers", maxUsers);
        row(side, "server.port", port);
        side.add(portMapping, "skip");
        side.add(addressToShare, "skip, wmax 340");
        row(side, "server.uplink", uplinkMbps);
        side.add(headroom, "skip, wmax 340");
        side.add(delayPan, "skip");
        side.add(fastUpdate, "skip");
        side.add(metronome, "skip");
        row(side, "server.conductor", conductor.chooser);
        side.add(chatCommands, "skip");
        side.add(labelFor("server.recordingDir", recorder.folder));
        side.add(recorder.folder, "split 2, growx");
        side.add(recorder.browse);
        side.add(recorder.enabled, "skip");
        side.add(recorder.newRecording, "skip");
        side.add(recorder.status, "skip, wmax 260");
        // The form spans the table's, the bans' and the welcome message's rows: the panel is only as tall as the form.
        add(side, "top, spany 3, wrap");
        add(bans.panel, "wrap");

        JLabel welcomeLabel = new JLabel(ServerText.text("server.welcome"));
        welcomeLabel.setDisplayedMnemonic(ServerText.mnemonic("server.welcome"));
        welcomeLabel.setLabelFor(welcome);
        welcome.setName("serverWelcome");
        welcome.getAccessibleContext().setAccessibleName(ServerText.text("server.welcome"));
        welcome.setToolTipText(ServerText.tr("server.welcome.tip"));
        JScrollPane ws = new JScrollPane(welcome);
        ws.setBorder(BorderFactory.createTitledBorder(ServerText.text("server.welcome")));
        add(ws, "split 2, growx, h 80:120");
        add(apply, "bottom, wrap");

        apply.addActionListener(e -> listener.settingsApplied(settings()));
        uplinkMbps.addChangeListener(e -> showHeadroom());
        recorder.enabled.addActionListener(e -> listener.recorderChanged(recorder.folder.getText().strip(),
                recorder.enabled.isSelected()));
        recorder.browse.addActionListener(e -> {
            if (recorder.choose(this)) {
                listener.recorderChanged(recorder.folder.getText().strip(), recorder.enabled.isSelected());
            }
        });
        recorder.newRecording.addActionListener(e -> listener.newRecording());
        join.addActionListener(e -> listener.joinOwnServer());
        setClients(List.of());
    }

    /** Where kick, ban, admit and unban go from now on (the binding registers itself; call on the EDT). */
    public void onClientActions(ClientActions actions) {
        clientActions = actions;
    }

    /** The metronome row: the binding shows the server's metronome there and carries out its edits. */
    public MetronomeControls metronomeControls() {
        return metronome;
    }

    /** The conductor chooser: the binding shows the musicians and the conductor and carries out the choice. */
    public ConductorControls conductorControls() {
        return conductor;
    }

    private static void row(JPanel p, String key, JComponent c) {
        p.add(labelFor(key, c));
        p.add(c);
    }

    private static JLabel labelFor(String key, JComponent c) {
        JLabel l = new JLabel(ServerText.text(key));
        l.setDisplayedMnemonic(ServerText.mnemonic(key));
        l.setLabelFor(c);
        if (c.getName() == null) {
            c.setName(key);
        }
        c.getAccessibleContext().setAccessibleName(ServerText.text(key));
        if (c instanceof JSpinner spinner && spinner.getEditor() instanceof JSpinner.DefaultEditor editor) {
            // the focusable part of a spinner is its text field: that is what assistive technology announces
            editor.getTextField().getAccessibleContext().setAccessibleName(ServerText.text(key));
            editor.getTextField().setToolTipText(spinner.getToolTipText());
        }
        return l;
    }

    private void load(ServerPanelSettings s) {
        name.setText(s.name());
        city.setText(s.city());
        countryChoice.select(s.country());
        welcome.setText(s.welcomeHtml());
        maxUsers.setValue(s.maxUsers());
        delayPan.setSelected(s.delayPanning());
        fastUpdate.setSelected(s.fastUpdate());
        port.setValue(Math.max(1, s.port()));
        portMapping.setSelected(s.portMapping());
        uplinkMbps.setValue(s.uplinkKbps() / 1000.0);
        directory.select(s.directory());
        recorder.folder.setText(s.recordingDir());
        recorder.enabled.setSelected(s.recordingEnabled());
        password.setText(s.password());
        chatCommands.setSelected(s.chatCommands());
        // the tempo to start from until a running server reports its own (the metronome always starts off)
        metronome.show(new MetronomeSettings(false, s.metronomeBpm(), s.metronomeBeats(), 0));
    }

    /** The values as edited now. */
    public ServerPanelSettings settings() {
        return new ServerPanelSettings(name.getText().strip(), city.getText().strip(), countryChoice.value(),
                welcome.getText(), (Integer) maxUsers.getValue(), delayPan.isSelected(), fastUpdate.isSelected(),
                (Integer) port.getValue(), recorder.folder.getText().strip(), recorder.enabled.isSelected(),
                directory.address(), portMapping.isSelected(),
                (int) Math.round(((Number) uplinkMbps.getValue()).doubleValue() * 1000),
                new String(password.getPassword()), metronome.bpm(), metronome.beatsPerBar(),
                chatCommands.isSelected());
    }

    /**
     * What port mapping achieved (call on the EDT): the address to give friends as one line to copy, or why the
     * router could not open the port and what to do instead; null clears the line (no server running).
     */
    public void showPortMapping(PortMappingStatus status) {
        mappingStatus = status;
        if (status == null) {
            sharedAddress = null; // the next server learns its own
        }
        showShareLine();
    }

    /**
     * The address to give friends as last learnt, from the router or the directory, and whether it just changed (on
     * the EDT); null while unknown.
     */
    public void showSharedAddress(AddressWatch.Update update) {
        sharedAddress = update;
        showShareLine();
    }

    private PortMappingStatus mappingStatus;
    private AddressWatch.Update sharedAddress;

    private void showShareLine() {
        String text = ShareLine.text(mappingStatus, sharedAddress);
        addressToShare.setText(text.isEmpty() ? "" : "<html>" + Html.escape(text) + "</html>");
        addressToShare.setToolTipText(mappingStatus == null || mappingStatus.describe().isEmpty() ? null
                : mappingStatus.describe());
    }

    /** The port-mapping line as shown (for tests and assistive technology). */
    public String addressToShareText() {
        return addressToShare.getText().replaceAll("<[^>]*>", "").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"");
    }

    /** The connected clients, as the server reports them (call on the EDT). */
    public void setClients(List<ServerClientRow> rows) {
        int selected = selectedClientId();
        clients.set(rows);
        for (int i = 0; selected >= 0 && i < rows.size(); i++) {
            if (rows.get(i).id() == selected) {
                table.setRowSelectionInterval(i, i); // still there after the refresh: keep it selected
            }
        }
        count.setForeground(null); // after a restart: no longer the red "stopped" text
        count.setToolTipText(null);
        double totalKbps = rows.stream().mapToDouble(ServerClientRow::kbps).sum();
        lastTotalKbps = totalKbps;
        showHeadroom();
        count.setText(totalKbps <= 0 ? ServerText.tr("server.count", rows.size(), (Integer) maxUsers.getValue())
                : ServerText.tr("server.countWithBandwidth", rows.size(), (Integer) maxUsers.getValue(),
                        totalKbps / 1000));
    }

    private double lastTotalKbps;

    /** "About N more musicians": the upload the host gave, less what the musicians connected now receive. */
    private void showHeadroom() {
        double uplinkKbps = ((Number) uplinkMbps.getValue()).doubleValue() * 1000;
        if (uplinkKbps <= 0) {
            headroom.setText("");
            return;
        }
        int more = Headroom.moreMusicians(uplinkKbps, lastTotalKbps);
        headroom.setText("<html>" + (more > 0 ? ServerText.tr("server.headroom", more)
                : ServerText.tr("server.headroom.none")) + "</html>");
    }

    /** The headroom line as shown ("" without an upload speed). */
    public String headroomText() {
        return headroom.getText().replaceAll("<[^>]*>", "");
    }

    /** The channel ID of the selected musician, or -1. */
    private boolean selectedClientWaits() {
        int row = table.getSelectedRow();
        return row >= 0 && row < clients.getRowCount() && clients.rows.get(row).lobby();
    }

    private int selectedClientId() {
        int row = table.getSelectedRow();
        return row < 0 || row >= clients.getRowCount() ? -1 : clients.rows.get(row).id();
    }

    /** The bans still holding, as the server reports them (call on the EDT). */
    public void setBans(List<Ban> list) {
        bans.set(list);
    }

    public int banCount() {
        return bans.count();
    }

    public int clientCount() {
        return clients.getRowCount();
    }

    /** Says that the server is no longer running (it stopped itself), in place of the client count (on the EDT). */
    public void setServerStopped(String why) {
        clients.set(List.of());
        bans.set(List.of());
        count.setText(why);
        count.setToolTipText(why);
        Color stopped = UIManager.getColor(STOPPED_FOREGROUND); // the desktop app's theme defines it
        if (stopped == null) {
            stopped = UIManager.getColor("Actions.Red"); // FlatLaf without Tutti's colours
        }
        if (stopped != null) {
            count.setForeground(stopped);
        }
    }

    /** The text shown beside the clients table: the client count, or why the server stopped. */
    public String statusText() {
        return count.getText();
    }

    /** Disables the recorder controls with an explanation (e.g. no recorder in this server). */
    public void setRecorderUnavailable(String why) {
        recorder.unavailable(why);
    }

    /** What the recorder does now, as the server reports it (call on the EDT). */
    public void setRecorderState(RecorderState state, Path sessionFolder, String error) {
        recorder.show(state, sessionFolder, error);
    }

    /** What kind of server this is and how friends join it, as shown under the registration. */
    public String serverTypeText() {
        return directory.typeText();
    }

    /** The registration with {@code directoryText} ("" when not registering), as the server reports it. */
    public void setRegistration(String directoryText, RegistrationStatus status) {
        directory.showStatus(directoryText, status);
    }

    /**
     * For a server started from the command line: port, size, fast update and delay panning are fixed there (as in
     * Jamulus's server window), and there is no client to join with.
     */
    public void lockStartOptions(String why) {
        for (JComponent c : new JComponent[] {port, maxUsers, fastUpdate, delayPan, portMapping}) {
            c.setEnabled(false);
            c.setToolTipText(why);
        }
        join.setVisible(false);
    }

    /** Clients table model: address, name, jitter buffer, channels, bandwidth each way. */
    private static final class ClientsModel extends AbstractTableModel {
        private final List<ServerClientRow> rows = new ArrayList<>();
        private final String[] headers = {ServerText.tr("server.col.address"), ServerText.tr("server.col.name"),
            ServerText.tr("server.col.jitter"), ServerText.tr("server.col.channels"), ServerText.tr("server.col.kbps")};

        void set(List<ServerClientRow> list) {
            rows.clear();
            rows.addAll(list);
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return headers.length;
        }

        @Override
        public String getColumnName(int c) {
            return headers[c];
        }

        @Override
        public Object getValueAt(int r, int c) {
            ServerClientRow row = rows.get(r);
            return switch (c) {
                case 0 -> row.address();
                case 1 -> row.name();
                case 2 -> row.jitterBlocks();
                case 3 -> row.channels() == 2 ? ServerText.tr("server.stereo") : ServerText.tr("server.mono");
                default -> row.kbps() <= 0 ? "" : Long.toString(Math.round(row.kbps()));
            };
        }
    }
}
