package org.tutti.client.ui.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;
import org.tutti.backend.midi.JavaSoundMidiInput;
import org.tutti.client.midi.MidiSession;
import org.tutti.client.midi.MidiSetup;
import org.tutti.client.midi.MidiSetup.Span;
import org.tutti.client.settings.ClientSettings;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.widgets.WrappedText;

/**
 * The settings' MIDI tab, live as Jamulus 3.12's: every change applies at once to the session's MIDI control and to
 * the settings. "Learn" on a row waits for the next control the musician moves and makes it that row's first
 * controller. Swing on the EDT; opening an input (JACK can take a moment) happens on a worker thread.
 */
final class MidiTab {
    /** One kind of control: on, first controller, how many, learn. */
    private final class Row {
        final JCheckBox on;
        final JSpinner first = new JSpinner(new SpinnerNumberModel(0, 0, 127, 1));
        final JSpinner count;
        final JToggleButton learn = new JToggleButton(I18n.text("midi.learn"));

        Row(String key, String name, boolean withCount) {
            on = new JCheckBox(I18n.text(key));
            on.setName("midi" + name);
            first.setName("midi" + name + "First");
            learn.setName("midi" + name + "Learn");
            learn.setToolTipText(I18n.tr("midi.learn.tip"));
            count = withCount ? new JSpinner(new SpinnerNumberModel(8, 1, MidiSetup.MAX_CHANNELS, 1)) : null;
            if (count != null) {
                count.setName("midi" + name + "Count");
                accessible(count, I18n.text(key) + ": " + I18n.text("midi.count"));
            }
            accessible(first, I18n.text(key) + ": " + I18n.text("midi.first"));
            learn.addActionListener(e -> arm(this));
        }

        void show(Span span) {
            on.setSelected(span.count() > 0);
            first.setValue(span.offset());
            count.setValue(Math.max(1, span.count()));
        }

        Span span() {
            return on.isSelected() ? new Span((Integer) first.getValue(), (Integer) count.getValue()) : Span.NONE;
        }
    }

    private final ClientSettings.Midi settings;
    private final MidiSession session;
    final JCheckBox enabled = new JCheckBox(I18n.text("midi.enabled"));
    final JComboBox<String> device = new JComboBox<>();
    final JSpinner channel = new JSpinner(new SpinnerNumberModel(0, 0, 16, 1));
    private final Row faders = new Row("midi.faders", "Faders", true);
    private final Row pans = new Row("midi.pans", "Pans", true);
    private final Row solos = new Row("midi.solos", "Solos", true);
    private final Row mutes = new Row("midi.mutes", "Mutes", true);
    private final Row muteMyself = new Row("midi.muteMyself", "MuteMyself", false);
    private final List<Row> rows = List.of(faders, pans, solos, mutes, muteMyself);
    final JCheckBox pickup = new JCheckBox(I18n.text("midi.pickup"));
    final JLabel status = new JLabel();
    private final ExecutorService opener = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("tutti-midi-open").unstarted(r));
    private boolean loading;

    MidiTab(ClientSettings.Midi settings, MidiSession session) {
        this.settings = settings;
        this.session = session;
        device.setEditable(true);
        device.setName("midiDevice");
        channel.setName("midiChannel");
        device.getAccessibleContext().setAccessibleName(I18n.text("midi.device"));
        accessible(channel, I18n.text("midi.channel"));
        enabled.setName("midiEnabled");
        pickup.setName("midiPickup");
        pickup.setToolTipText(I18n.tr("midi.pickup.tip"));
        status.setName("midiStatus");
        List<String> devices = new ArrayList<>(List.of("", "jack"));
        devices.addAll(JavaSoundMidiInput.deviceNames());
        devices.forEach(device::addItem);
        load();
        enabled.addActionListener(e -> apply());
        device.addActionListener(e -> apply());
        channel.addChangeListener(e -> apply());
        pickup.addActionListener(e -> apply());
        for (Row r : rows) {
            r.on.addActionListener(e -> apply());
            r.first.addChangeListener(e -> apply());
            if (r.count != null) {
                r.count.addChangeListener(e -> apply());
            }
        }
        if (session == null) {
            status.setText(I18n.tr("midi.unavailable"));
        } else {
            String now = session.description();
            status.setText(now.isEmpty() ? I18n.tr("midi.off") : I18n.tr("midi.listening", now));
        }
    }

    /** Screen readers land in a spinner's text field, so that is what carries the name. */
    private static void accessible(JSpinner spinner, String name) {
        spinner.getAccessibleContext().setAccessibleName(name);
        ((JSpinner.DefaultEditor) spinner.getEditor()).getTextField().getAccessibleContext().setAccessibleName(name);
    }

    private void load() {
        loading = true;
        MidiSetup s;
        try {
            s = MidiSetup.parse(settings.setup);
        } catch (IllegalArgumentException e) {
            s = MidiSetup.parse(new ClientSettings.Midi().setup);
        }
        enabled.setSelected(settings.enabled);
        device.setSelectedItem(s.device());
        channel.setValue(s.channel());
        faders.show(s.faders());
        pans.show(s.pans());
        solos.show(s.solos());
        mutes.show(s.mutes());
        muteMyself.on.setSelected(s.muteMyselfCc() >= 0);
        muteMyself.first.setValue(Math.max(0, s.muteMyselfCc()));
        pickup.setSelected(s.pickup());
        loading = false;
    }

    /** The form as a setup. */
    MidiSetup setup() {
        Object d = device.getSelectedItem();
        return new MidiSetup((Integer) channel.getValue(), faders.span(), pans.span(), solos.span(), mutes.span(),
                muteMyself.on.isSelected() ? (Integer) muteMyself.first.getValue() : -1, pickup.isSelected(),
                d == null ? "" : d.toString().trim());
    }

    private void apply() {
        if (loading) {
            return;
        }
        MidiSetup s = setup();
        settings.enabled = enabled.isSelected();
        settings.setup = s.spec();
        if (session == null) {
            return;
        }
        MidiSetup wanted = enabled.isSelected() ? s : null;
        opener.execute(() -> { // one switch at a time, in the order they were asked
            String text;
            try {
                session.use(wanted);
                text = wanted == null ? I18n.tr("midi.off") : I18n.tr("midi.listening", session.description());
            } catch (IOException e) {
                text = I18n.tr("midi.failed", e.getMessage());
            }
            String shown = text;
            SwingUtilities.invokeLater(() -> status.setText(shown));
        });
    }

    /** Learn on {@code row}: the next control change fills its first controller; other rows stop listening. */
    private void arm(Row row) {
        for (Row r : rows) {
            if (r != row) {
                r.learn.setSelected(false);
            }
        }
        if (session == null || !row.learn.isSelected()) {
            if (session != null) {
                session.watch(null);
            }
            return;
        }
        session.watch((st, cc, value) -> {
            if (st >= 0xB0 && st <= 0xBF) {
                session.watch(null);
                SwingUtilities.invokeLater(() -> learned(row, cc));
            }
        });
    }

    private void learned(Row row, int cc) {
        row.learn.setSelected(false);
        row.on.setSelected(true);
        row.first.setValue(cc); // applies through the spinner's listener
        apply();
    }

    /** Stops listening for learn (the dialog closed). */
    void close() {
        if (session != null) {
            session.watch(null);
        }
        opener.shutdown();
    }

    JPanel panel() {
        JPanel p = new JPanel(new MigLayout("insets dialog, wrap 4", "[][grow,fill][][]"));
        p.add(enabled, "span 4");
        p.add(new JLabel(I18n.text("midi.device")));
        p.add(device, "span 3");
        p.add(new JLabel(I18n.text("midi.channel")));
        p.add(channel, "span 3, growx 0");
        p.add(new JLabel(""));
        p.add(new JLabel(I18n.tr("midi.first")));
        p.add(new JLabel(I18n.tr("midi.count")));
        p.add(new JLabel(""));
        for (Row r : rows) {
            p.add(r.on);
            p.add(r.first);
            if (r.count != null) {
                p.add(r.count);
            } else {
                p.add(new JLabel(""));
            }
            p.add(r.learn);
        }
        p.add(pickup, "span 4");
        p.add(status, "span 4, wmax 480");
        p.add(new WrappedText(I18n.tr("midi.help"), 480), "span 4");
        return p;
    }
}
