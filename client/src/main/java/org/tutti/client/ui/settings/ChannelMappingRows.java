package org.tutti.client.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioDevice;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.jack.JackBackendProvider;
import org.tutti.backend.portaudio.DriverSetup;
import org.tutti.client.engine.ChannelMapping;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.ThemeColours;

/**
 * The Audio tab's channel mapping (Jamulus's "Input Channel Mapping" and "Output Channel Mapping"): which device
 * input is left and right, and which device output plays each side. Shown only where there is a choice: a device
 * with more than two channels, or JACK, whose ports Tutti creates on demand (eight offered, named as JACK shows
 * them). Also the driver's setup button, for an ASIO device where PortAudio offers it.
 */
final class ChannelMappingRows {
    final JComboBox<String> inputLeft = new JComboBox<>();
    final JComboBox<String> inputRight = new JComboBox<>();
    final JComboBox<String> outputLeft = new JComboBox<>();
    final JComboBox<String> outputRight = new JComboBox<>();
    final JButton driverSetup = new JButton(I18n.text("settings.driverSetup"));
    final JLabel note = new JLabel();
    private final List<JComponent> shown = new ArrayList<>();
    private String setupDevice;
    private boolean engineFellBack;

    ChannelMappingRows() {
        note.setName("channelMappingNote");
        note.setForeground(ThemeColours.get(ThemeColours.BACKEND_PROBLEM_FOREGROUND));
        driverSetup.setName("driverSetup");
        driverSetup.addActionListener(e -> openDriverSetup());
    }

    /** Adds the rows to a two-column form; {@code row} adds a label and its control. */
    void addTo(JPanel p, RowAdder row) {
        shown.add(row.add(p, "settings.inputLeft", inputLeft, "inputLeft"));
        shown.add(row.add(p, "settings.inputRight", inputRight, "inputRight"));
        shown.add(row.add(p, "settings.outputLeft", outputLeft, "outputLeft"));
        shown.add(row.add(p, "settings.outputRight", outputRight, "outputRight"));
        shown.addAll(List.of(inputLeft, inputRight, outputLeft, outputRight));
        p.add(note, "skip, wmax 420");
        p.add(driverSetup, "skip, growx 0");
    }

    /** Adds a labelled row and returns its label. */
    interface RowAdder {
        JLabel add(JPanel p, String key, JComponent control, String name);
    }

    /** The running engine could not open a channel the stored mapping names (it uses 1/2 instead). */
    void engineFellBack(boolean fellBack) {
        engineFellBack = fellBack;
    }

    /** Fills the lists for the chosen device and selects {@code wanted} where it exists there. */
    void show(BackendInfo backend, String deviceName, ChannelMapping wanted) {
        boolean jack = backend != null && JackBackendProvider.NAME.equals(backend.name());
        AudioDevice device = backend == null || deviceName == null ? null : backend.device(deviceName).orElse(null);
        int inputs = jack ? AudioRequest.MAX_CHANNELS : device == null ? 2 : device.inputChannels();
        int outputs = jack ? AudioRequest.MAX_CHANNELS : device == null ? 2 : device.outputChannels();
        boolean visible = jack || inputs > 2 || outputs > 2;
        shown.forEach(c -> c.setVisible(visible));
        int choices = ChannelMapping.inputChoices(inputs);
        IntFunction<String> inputName = jack ? JackBackendProvider::inputPortName
                : c -> I18n.tr("settings.channel", ChannelMapping.inputLabel(c, inputs));
        IntFunction<String> outputName = jack ? JackBackendProvider::outputPortName
                : c -> I18n.tr("settings.channel", Integer.toString(c + 1));
        fill(inputLeft, choices, inputName);
        fill(inputRight, choices, inputName);
        fill(outputLeft, outputs, outputName);
        fill(outputRight, outputs, outputName);
        boolean fits = wanted.fits(inputs, outputs);
        ChannelMapping m = fits ? wanted : ChannelMapping.DEFAULT;
        select(inputLeft, m.inputLeft());
        select(inputRight, m.inputRight());
        select(outputLeft, m.outputLeft());
        select(outputRight, m.outputRight());
        boolean warn = visible && (!fits || engineFellBack && !wanted.isDefault());
        note.setText(warn ? I18n.tr("settings.channelMapping.fallback") : "");
        note.setVisible(warn);
        setupDevice = backend != null && backend.hasDriverSetup(deviceName) ? deviceName : null;
        driverSetup.setVisible(setupDevice != null);
    }

    /** The mapping chosen; inputs and outputs 1/2 where the device offers no choice. */
    ChannelMapping chosen() {
        if (!inputLeft.isVisible()) {
            return ChannelMapping.DEFAULT;
        }
        return ChannelMapping.clamped(inputLeft.getSelectedIndex(), inputRight.getSelectedIndex(),
                outputLeft.getSelectedIndex(), outputRight.getSelectedIndex());
    }

    private static void fill(JComboBox<String> box, int count, IntFunction<String> name) {
        box.removeAllItems();
        for (int c = 0; c < count; c++) {
            box.addItem(name.apply(c));
        }
    }

    private static void select(JComboBox<String> box, int index) {
        box.setSelectedIndex(Math.min(index, box.getItemCount() - 1));
    }

    // The ASIO control panel is modal and may take a moment: opened off the EDT, any failure reported on it.
    private void openDriverSetup() {
        String device = setupDevice;
        if (device == null) {
            return;
        }
        Thread.ofPlatform().daemon().name("tutti-driver-setup").start(() -> {
            try {
                DriverSetup.show(device);
            } catch (AudioBackendException | RuntimeException e) {
                javax.swing.SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(driverSetup,
                        e.getMessage(), I18n.text("settings.driverSetup"), JOptionPane.WARNING_MESSAGE));
            }
        });
    }
}
