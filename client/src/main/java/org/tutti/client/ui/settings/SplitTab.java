package org.tutti.client.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;
import org.tutti.backend.AudioRequest;
import org.tutti.client.engine.SplitBandwidth;
import org.tutti.client.engine.SplitChannel;
import org.tutti.client.settings.SplitSettings;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.Instruments;
import org.tutti.client.ui.widgets.LimitedDocument;
import org.tutti.client.ui.widgets.WrappedText;

/**
 * The settings' Channels tab: the device's inputs split into up to four channels, each a musician of its own on the
 * server. Channel 1 is the profile on the usual inputs; channels 2..4 get a name, an instrument and an input (or a
 * stereo pair). A line says what the split costs at the audio tab's current stream settings. Swing on the EDT.
 */
final class SplitTab {
    /** The audio tab's stream as now chosen, for the cost line. */
    interface StreamChoice {
        SplitBandwidth bandwidth(List<SplitChannel> extra);
    }

    /** One extra channel's controls. */
    private static final class Row {
        final JTextField name = new JTextField(new LimitedDocument(16), "", 12);
        final JComboBox<String> instrument = new JComboBox<>();
        final JComboBox<String> input = new JComboBox<>();
        final JComboBox<String> second = new JComboBox<>();
        final JLabel label;

        Row(int number) {
            label = new JLabel(I18n.tr("split.channel", number));
            for (int i = 0; i < Instruments.COUNT; i++) {
                instrument.addItem(Instruments.name(i));
            }
            second.addItem(I18n.tr("split.mono"));
            for (int i = 1; i <= AudioRequest.MAX_CHANNELS; i++) {
                input.addItem(I18n.tr("split.input", i));
                second.addItem(I18n.tr("split.input", i));
            }
            name.setName("splitName" + number);
            instrument.setName("splitInstrument" + number);
            input.setName("splitInput" + number);
            second.setName("splitSecond" + number);
            String n = label.getText();
            name.getAccessibleContext().setAccessibleName(n + ": " + I18n.tr("split.name"));
            instrument.getAccessibleContext().setAccessibleName(n + ": " + I18n.tr("split.instrument"));
            input.getAccessibleContext().setAccessibleName(n + ": " + I18n.tr("split.firstInput"));
            second.getAccessibleContext().setAccessibleName(n + ": " + I18n.tr("split.secondInput"));
        }

        void setEnabled(boolean on) {
            for (var c : List.of(label, name, instrument, input, second)) {
                c.setEnabled(on);
            }
        }
    }

    final JSpinner count = new JSpinner(new SpinnerNumberModel(1, 1, 1 + SplitChannel.MAX_EXTRA, 1));
    final WrappedText cost = new WrappedText("", 440);
    private final List<Row> rows = new ArrayList<>();
    private final StreamChoice stream;
    private final Supplier<String> mainName;

    SplitTab(SplitSettings settings, StreamChoice stream, Supplier<String> mainName) {
        this.stream = stream;
        this.mainName = mainName;
        count.setName("splitCount");
        count.getAccessibleContext().setAccessibleName(I18n.text("split.count"));
        if (count.getEditor() instanceof JSpinner.DefaultEditor editor) { // screen readers land in its text field
            editor.getTextField().getAccessibleContext().setAccessibleName(I18n.text("split.count"));
        }
        cost.setName("splitCost");
        for (int i = 0; i < SplitChannel.MAX_EXTRA; i++) {
            rows.add(new Row(i + 2));
        }
        load(settings);
        count.addChangeListener(e -> refresh());
        for (Row r : rows) {
            r.input.addActionListener(e -> refresh());
            r.second.addActionListener(e -> refresh());
        }
        refresh();
    }

    private void load(SplitSettings s) {
        count.setValue(Math.max(1, Math.min(1 + SplitChannel.MAX_EXTRA, s.channels)));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            SplitSettings.Extra e = s.extra != null && i < s.extra.size() && s.extra.get(i) != null
                    ? s.extra.get(i) : new SplitSettings.Extra("", 0, Math.min(AudioRequest.MAX_CHANNELS, i + 3), 0);
            r.name.setText(e.name == null ? "" : e.name);
            r.instrument.setSelectedIndex(e.instrument >= 0 && e.instrument < Instruments.COUNT ? e.instrument : 0);
            r.input.setSelectedIndex(Math.max(0, Math.min(AudioRequest.MAX_CHANNELS, e.input) - 1));
            r.second.setSelectedIndex(Math.max(0, Math.min(AudioRequest.MAX_CHANNELS, e.secondInput)));
        }
    }

    /** OK: the tab's choices into the settings (every row kept, so a later increase finds its names again). */
    void store(SplitSettings s) {
        s.channels = (Integer) count.getValue();
        s.extra = new ArrayList<>();
        for (Row r : rows) {
            s.extra.add(new SplitSettings.Extra(r.name.getText().strip(), r.instrument.getSelectedIndex(),
                    r.input.getSelectedIndex() + 1, r.second.getSelectedIndex()));
        }
    }

    /** Enables the rows in use and recomputes the cost (also when the audio tab's stream changed). */
    void refresh() {
        int n = (Integer) count.getValue();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setEnabled(i + 2 <= n);
        }
        SplitSettings now = new SplitSettings();
        store(now);
        SplitBandwidth b = stream.bandwidth(now.engineChannels(mainName.get()));
        cost.setText(b.channels() == 1 ? I18n.tr("split.cost.one", b.totalKbps())
                : I18n.tr("split.cost", b.channels(), b.channelKbps()[0], b.totalKbps()));
    }

    JPanel panel() {
        JPanel p = new JPanel(new MigLayout("insets dialog, wrap 5", "[right][grow,fill][][][]"));
        JLabel countLabel = new JLabel(I18n.text("split.count"));
        countLabel.setDisplayedMnemonic(I18n.mnemonic("split.count"));
        countLabel.setLabelFor(count);
        p.add(countLabel);
        p.add(count, "span 4, growx 0, wrap");
        p.add(new WrappedText(I18n.tr("split.intro"), 440), "span 5, left, wrap");
        p.add(new JLabel());
        p.add(new JLabel(I18n.tr("split.name")));
        p.add(new JLabel(I18n.tr("split.instrument")));
        p.add(new JLabel(I18n.tr("split.firstInput")));
        p.add(new JLabel(I18n.tr("split.secondInput")));
        for (Row r : rows) {
            p.add(r.label);
            p.add(r.name);
            p.add(r.instrument);
            p.add(r.input);
            p.add(r.second);
        }
        p.add(cost, "span 5, left, gaptop para, wrap");
        p.add(new WrappedText(I18n.tr("split.note"), 440), "span 5, left");
        return p;
    }
}
