package org.tutti.client.ui.settings;

import java.awt.Window;
import java.util.List;
import java.util.Locale;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.engine.ChannelMapping;
import org.tutti.client.engine.ChannelMode;
import org.tutti.client.engine.SplitBandwidth;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.CountryNames;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.Instruments;
import org.tutti.client.ui.Theme;
import org.tutti.client.ui.ThemeColours;
import org.tutti.client.ui.UiPrefs;
import org.tutti.client.ui.widgets.IconListRenderer;
import org.tutti.client.ui.widgets.LimitedDocument;
import org.tutti.client.ui.widgets.OnScreen;
import org.tutti.client.ui.widgets.PictureIcons;
import org.tutti.codec.OpusQuality;

/**
 * Settings: audio and network (backend, device, buffer, channels, quality, jitter buffers, input boost), the
 * musician's profile, and the interface (theme, language). OK writes the fields back into {@link ClientSettings} and
 * {@link UiPrefs}; the caller saves them and tells the engine.
 */
public final class SettingsDialog extends JDialog {
    static final String[] LANGUAGES = {"", "en", "fr"};

    final JComboBox<BackendInfo> backend = new JComboBox<>();
    final JComboBox<String> device = new JComboBox<>();
    final JRadioButton buffer64 = new JRadioButton(I18n.tr("settings.buffer.64"));
    final JRadioButton buffer128 = new JRadioButton(I18n.tr("settings.buffer.128"));
    final JRadioButton buffer256 = new JRadioButton(I18n.tr("settings.buffer.256"));
    final JCheckBox smallBuffers = new JCheckBox(I18n.text("settings.smallBuffers"));
    final JComboBox<String> channels = new JComboBox<>();
    final JComboBox<String> quality = new JComboBox<>();
    final JCheckBox jitterAuto = new JCheckBox(I18n.text("settings.jitterAuto"));
    final JSlider jitterLocal = new JSlider(1, 20, 10);
    final JSlider jitterServer = new JSlider(1, 20, 10);
    final JComboBox<String> inputBoost = new JComboBox<>();
    final JSlider reverb = new JSlider(0, 100, 0);
    final JComboBox<String> reverbSide = new JComboBox<>();
    /** Where the Record button's take folders go (empty: Music, or home). */
    final JTextField recordingFolder = new JTextField(24);
    final JButton chooseRecordingFolder = new JButton(I18n.text("settings.recordingFolder.choose"));
    final JTextField name = new JTextField(new LimitedDocument(16), "", 16);
    final JComboBox<String> instrument = new JComboBox<>();
    final JComboBox<String> country = new JComboBox<>();
    final JTextField city = new JTextField(new LimitedDocument(20), "", 16);
    final JComboBox<String> skill = new JComboBox<>();
    final JComboBox<String> theme = new JComboBox<>();
    final JComboBox<String> language = new JComboBox<>();
    final JCheckBox audioAlerts = new JCheckBox(I18n.text("settings.audioAlerts"));
    final JSpinner newClientLevel = new JSpinner(new SpinnerNumberModel(100, 0, 100, 1));
    private final JLabel backendProblem = new JLabel();
    final ChannelMappingRows mapping = new ChannelMappingRows();
    private ChannelMapping storedMapping = ChannelMapping.DEFAULT;
    private final int[] countryCodes;
    private final List<BackendInfo> backends;
    private final MidiTab midiTab;
    private final SplitTab splitTab;
    private boolean accepted;

    public SettingsDialog(Window owner, ClientSettings settings, UiPrefs prefs, List<BackendInfo> backends) {
        this(owner, settings, prefs, backends, null);
    }

    /** With the MIDI tab acting on {@code midi} (null: the tab says MIDI is not available). */
    public SettingsDialog(Window owner, ClientSettings settings, UiPrefs prefs, List<BackendInfo> backends,
                          MidiSession midi) {
        super(owner, I18n.text("settings.title"), ModalityType.APPLICATION_MODAL);
        this.midiTab = new MidiTab(settings.midi, midi);
        setName("settingsDialog");
        this.backends = backends;
        int[] known = CountryNames.known();
        countryCodes = new int[known.length + 1];
        System.arraycopy(known, 0, countryCodes, 1, known.length);
        fillChoices();
        load(settings, prefs);
        splitTab = new SplitTab(settings.split, extra -> SplitBandwidth.of(
                buffer64.isSelected() ? 64 : buffer256.isSelected() ? 256 : 128, smallBuffers.isSelected(),
                OpusQuality.values()[quality.getSelectedIndex()], ChannelMode.values()[channels.getSelectedIndex()],
                extra), () -> name.getText());

        JTabbedPane tabs = new JTabbedPane();
        tabs.addTab(I18n.text("settings.tab.audio"), org.tutti.server.ui.ScrollingForm.wrap(audioTab()));
        tabs.addTab(I18n.text("settings.tab.profile"), org.tutti.server.ui.ScrollingForm.wrap(profileTab()));
        tabs.addTab(I18n.text("settings.tab.interface"), org.tutti.server.ui.ScrollingForm.wrap(interfaceTab()));
        tabs.addTab(I18n.text("settings.tab.midi"), org.tutti.server.ui.ScrollingForm.wrap(midiTab.panel()));
        tabs.addTab(I18n.text("settings.tab.split"), org.tutti.server.ui.ScrollingForm.wrap(splitTab.panel()));
        tabs.addChangeListener(e -> splitTab.refresh()); // the cost follows the audio tab's stream
        tabs.setMnemonicAt(0, I18n.mnemonic("settings.tab.audio"));
        tabs.setMnemonicAt(1, I18n.mnemonic("settings.tab.profile"));
        tabs.setMnemonicAt(2, I18n.mnemonic("settings.tab.interface"));
        tabs.setMnemonicAt(3, I18n.mnemonic("settings.tab.midi"));
        tabs.setMnemonicAt(4, I18n.mnemonic("settings.tab.split"));
        JButton ok = new JButton(I18n.text("settings.ok"));
        JButton cancel = new JButton(I18n.text("settings.cancel"));
        ok.setName("settingsOk");
        cancel.setName("settingsCancel");
        ok.addActionListener(e -> {
            store(settings, prefs);
            splitTab.store(settings.split);
            accepted = true;
            dispose();
        });
        cancel.addActionListener(e -> dispose());
        getContentPane().setLayout(new MigLayout("insets dialog, fill", "[grow,fill]", "[grow,fill][]"));
        add(tabs, "wrap");
        add(ok, "split 2, tag ok");
        add(cancel, "tag cancel");
        getRootPane().setDefaultButton(ok);
        pack();
        OnScreen.limit(this); // the tabs scroll, OK and Cancel stay
        setLocationRelativeTo(owner);
    }

    private void fillChoices() {
        backends.forEach(backend::addItem);
        backend.addActionListener(e -> refreshDevices(""));
        device.addActionListener(e -> refreshMapping());
        for (ChannelMode c : ChannelMode.values()) {
            channels.addItem(I18n.tr("settings.channels." + c.name().toLowerCase(Locale.ROOT)));
        }
        for (OpusQuality q : OpusQuality.values()) {
            quality.addItem(I18n.tr("settings.quality." + q.name().toLowerCase(Locale.ROOT)));
        }
        reverbSide.addItem(I18n.tr("settings.reverbSide.left"));
        reverbSide.addItem(I18n.tr("settings.reverbSide.right"));
        inputBoost.addItem(I18n.tr("settings.boost.none"));
        for (int i = 2; i <= 10; i++) {
            inputBoost.addItem(i + "×");
        }
        for (int i = 0; i < Instruments.COUNT; i++) {
            instrument.addItem(Instruments.name(i));
        }
        country.addItem(I18n.tr("settings.country.any"));
        for (int i = 1; i < countryCodes.length; i++) {
            country.addItem(CountryNames.name(countryCodes[i]));
        }
        IconListRenderer.install(instrument, i -> PictureIcons.instrument(i, 18));
        IconListRenderer.install(country, i -> PictureIcons.flag(countryCodes[i], 12));
        for (int i = 0; i <= 3; i++) {
            skill.addItem(I18n.tr("skill." + i));
        }
        for (Theme t : Theme.values()) {
            theme.addItem(I18n.tr("theme." + t.name().toLowerCase(Locale.ROOT)));
        }
        for (String l : LANGUAGES) {
            language.addItem(I18n.tr("language." + (l.isEmpty() ? "system" : l)));
        }
        ButtonGroup g = new ButtonGroup();
        g.add(buffer64);
        g.add(buffer128);
        g.add(buffer256);
        jitterAuto.addActionListener(e -> updateJitterEnabled());
        buffer64.addActionListener(e -> smallBuffers.setEnabled(true));
        buffer128.addActionListener(e -> smallBuffers.setEnabled(false));
        buffer256.addActionListener(e -> smallBuffers.setEnabled(false));
        for (JSlider s : List.of(jitterLocal, jitterServer)) {
            s.setMajorTickSpacing(5);
            s.setMinorTickSpacing(1);
            s.setPaintTicks(true);
        }
        backendProblem.setForeground(ThemeColours.get(ThemeColours.BACKEND_PROBLEM_FOREGROUND));
    }

    private void refreshDevices(String wanted) {
        device.removeAllItems();
        device.addItem(I18n.tr("settings.device.default"));
        BackendInfo b = (BackendInfo) backend.getSelectedItem();
        if (b != null) {
            b.devices().forEach(device::addItem);
            backendProblem.setText(b.available() ? "" : b.unavailableReason());
        }
        device.setSelectedItem(wanted.isEmpty() ? I18n.tr("settings.device.default") : wanted);
    }

    private void refreshMapping() {
        String d = device.getSelectedIndex() <= 0 ? null : (String) device.getSelectedItem();
        mapping.show((BackendInfo) backend.getSelectedItem(), d, storedMapping);
    }

    /** Says in the Audio tab that the running engine uses inputs and outputs 1/2 instead of the stored mapping. */
    public SettingsDialog channelMappingFellBack(boolean fellBack) {
        mapping.engineFellBack(fellBack);
        refreshMapping();
        return this;
    }

    private void updateJitterEnabled() {
        jitterLocal.setEnabled(!jitterAuto.isSelected());
        jitterServer.setEnabled(!jitterAuto.isSelected());
    }

    private void load(ClientSettings s, UiPrefs p) {
        ClientSettings.Audio a = s.audio;
        for (int i = 0; i < backends.size(); i++) {
            if (backends.get(i).name().equalsIgnoreCase(a.backend)) {
                backend.setSelectedIndex(i);
            }
        }
        storedMapping = a.channelMapping();
        refreshDevices(a.device);
        (a.bufferFrames == 64 ? buffer64 : a.bufferFrames == 256 ? buffer256 : buffer128).setSelected(true);
        smallBuffers.setSelected(a.smallNetworkBuffers);
        smallBuffers.setEnabled(a.bufferFrames == 64);
        channels.setSelectedIndex(a.channelMode().ordinal());
        quality.setSelectedIndex(a.opusQuality().ordinal());
        jitterAuto.setSelected(a.jitterAuto);
        jitterLocal.setValue(a.jitterLocal);
        jitterServer.setValue(a.jitterServer);
        updateJitterEnabled();
        inputBoost.setSelectedIndex(Math.max(0, Math.min(9, a.inputBoost - 1)));
        reverb.setValue(Math.max(0, Math.min(100, a.reverbLevel)));
        reverbSide.setSelectedIndex(a.reverbOnLeft ? 0 : 1);
        recordingFolder.setText(s.recording.folderOrDefault().toString());
        name.setText(s.profile.name);
        instrument.setSelectedIndex(s.profile.instrument >= 0 && s.profile.instrument < Instruments.COUNT
                ? s.profile.instrument : 0);
        country.setSelectedIndex(0);
        for (int i = 1; i < countryCodes.length; i++) {
            if (countryCodes[i] == s.profile.country) {
                country.setSelectedIndex(i);
            }
        }
        city.setText(s.profile.city);
        skill.setSelectedIndex(Math.max(0, Math.min(3, s.profile.skill)));
        theme.setSelectedIndex(p.theme.ordinal());
        language.setSelectedIndex(Math.max(0, List.of(LANGUAGES).indexOf(p.language)));
        newClientLevel.setValue(Math.max(0, Math.min(100, s.mixer.newClientLevel)));
        audioAlerts.setSelected(s.audio.alerts);
    }

    private void store(ClientSettings s, UiPrefs p) {
        ClientSettings.Audio a = s.audio;
        BackendInfo b = (BackendInfo) backend.getSelectedItem();
        a.backend = b == null ? "" : b.name();
        a.device = device.getSelectedIndex() <= 0 ? "" : (String) device.getSelectedItem();
        a.channelMapping(mapping.chosen());
        a.bufferFrames = buffer64.isSelected() ? 64 : buffer256.isSelected() ? 256 : 128;
        a.smallNetworkBuffers = smallBuffers.isSelected();
        a.channels = ChannelMode.values()[channels.getSelectedIndex()].name();
        a.quality = OpusQuality.values()[quality.getSelectedIndex()].name();
        a.jitterAuto = jitterAuto.isSelected();
        a.serverJitterAuto = jitterAuto.isSelected();
        a.jitterLocal = jitterLocal.getValue();
        a.jitterServer = jitterServer.getValue();
        a.inputBoost = inputBoost.getSelectedIndex() + 1;
        a.reverbLevel = reverb.getValue();
        a.reverbOnLeft = reverbSide.getSelectedIndex() == 0;
        s.recording.folder = recordingFolder.getText().strip();
        s.profile.name = name.getText().strip();
        s.profile.instrument = instrument.getSelectedIndex();
        s.profile.country = countryCodes[Math.max(0, country.getSelectedIndex())];
        s.profile.city = city.getText().strip();
        s.profile.skill = skill.getSelectedIndex();
        p.theme = Theme.values()[theme.getSelectedIndex()];
        p.language = LANGUAGES[language.getSelectedIndex()];
        s.mixer.newClientLevel = (Integer) newClientLevel.getValue();
        s.audio.alerts = audioAlerts.isSelected();
    }

    private JPanel audioTab() {
        JPanel p = new JPanel(new MigLayout("insets dialog, wrap 2", "[right][grow,fill]"));
        row(p, "settings.backend", backend, "backend");
        p.add(backendProblem, "skip, wmax 420");
        row(p, "settings.device", device, "device");
        mapping.addTo(p, SettingsDialog::row);
        JPanel buffers = new JPanel(new MigLayout("insets 0"));
        buffers.add(buffer64);
        buffers.add(buffer128);
        buffers.add(buffer256);
        buffer64.setName("buffer64");
        buffer128.setName("buffer128");
        buffer256.setName("buffer256");
        buffers.getAccessibleContext().setAccessibleName(I18n.text("settings.buffer"));
        p.add(new JLabel(I18n.text("settings.buffer")));
        p.add(buffers);
        p.add(smallBuffers, "skip");
        smallBuffers.setName("smallBuffers");
        smallBuffers.setToolTipText(I18n.tr("settings.smallBuffers.tip"));
        row(p, "settings.channels", channels, "channels");
        row(p, "settings.quality", quality, "quality");
        p.add(jitterAuto, "skip");
        jitterAuto.setName("jitterAuto");
        row(p, "settings.jitterLocal", jitterLocal, "jitterLocal");
        row(p, "settings.jitterServer", jitterServer, "jitterServer");
        row(p, "settings.inputBoost", inputBoost, "inputBoost");
        row(p, "settings.reverb", reverb, "reverb");
        row(p, "settings.reverbSide", reverbSide, "reverbSide");
        row(p, "settings.recordingFolder", recordingFolder, "recordingFolder");
        chooseRecordingFolder.setName("chooseRecordingFolder");
        chooseRecordingFolder.addActionListener(e -> chooseRecordingFolder());
        p.add(chooseRecordingFolder, "skip, growx 0");
        return p;
    }

    private JPanel profileTab() {
        JPanel p = new JPanel(new MigLayout("insets dialog, wrap 2", "[right][grow,fill]"));
        row(p, "settings.name", name, "profileName");
        row(p, "settings.instrument", instrument, "instrument");
        row(p, "settings.country", country, "country");
        row(p, "settings.city", city, "city");
        row(p, "settings.skill", skill, "skill");
        return p;
    }

    private JPanel interfaceTab() {
        JPanel p = new JPanel(new MigLayout("insets dialog, wrap 2", "[right][grow,fill]"));
        row(p, "settings.theme", theme, "theme");
        row(p, "settings.language", language, "language");
        p.add(new JLabel(I18n.tr("settings.language.restart")), "skip");
        row(p, "settings.newClientLevel", newClientLevel, "newClientLevel");
        // screen readers land in the spinner's text field, not the spinner
        ((JSpinner.DefaultEditor) newClientLevel.getEditor()).getTextField().getAccessibleContext()
                .setAccessibleName(I18n.text("settings.newClientLevel"));
        audioAlerts.setName("audioAlerts");
        audioAlerts.setMnemonic(I18n.mnemonic("settings.audioAlerts"));
        audioAlerts.setToolTipText(I18n.tr("settings.audioAlerts.tip"));
        p.add(audioAlerts, "skip");
        return p;
    }

    private void chooseRecordingFolder() {
        JFileChooser chooser = new JFileChooser(recordingFolder.getText());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle(I18n.tr("settings.recordingFolder"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            recordingFolder.setText(chooser.getSelectedFile().toString());
        }
    }

    /** A labelled row: the label names the control for screen readers and gives it a mnemonic. */
    private static JLabel row(JPanel p, String key, JComponent control, String name) {
        JLabel l = new JLabel(I18n.text(key));
        l.setDisplayedMnemonic(I18n.mnemonic(key));
        l.setLabelFor(control);
        control.setName(name);
        control.getAccessibleContext().setAccessibleName(I18n.text(key));
        String tip = I18n.tr(key + ".tip");
        if (!tip.equals(key + ".tip")) {
            control.setToolTipText(tip);
        }
        p.add(l);
        p.add(control);
        return l;
    }

    /** Shows the dialog (modal); true when OK was pressed and the settings were updated. */
    public boolean ask() {
        setVisible(true);
        midiTab.close();
        return accepted;
    }
}
