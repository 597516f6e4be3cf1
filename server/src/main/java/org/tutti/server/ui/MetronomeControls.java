package org.tutti.server.ui;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;
import org.tutti.server.engine.MetronomeSettings;
import org.tutti.server.mix.Metronome;

/**
 * The server panel's metronome row: on/off, tempo, beats per bar and a tap-tempo button. It renders the settings the
 * running server reports ({@link #show}) and hands the user's edits to a {@link Sink}; it never talks to the engine.
 * On a server for 150 musicians the metronome has no channel ID below 150, so the row is disabled and says why.
 */
public final class MetronomeControls extends JPanel {
    /** Receives the user's edits (on the EDT). */
    public interface Sink {
        void metronomeChanged(boolean enabled, int bpm, int beatsPerBar);
    }

    final JCheckBox enabled = new JCheckBox(ServerText.text("server.metronome"));
    final JSpinner bpm = new JSpinner(new SpinnerNumberModel(MetronomeSettings.DEFAULT_BPM, Metronome.MIN_BPM,
            Metronome.MAX_BPM, 1));
    final JSpinner beats = new JSpinner(new SpinnerNumberModel(MetronomeSettings.DEFAULT_BEATS_PER_BAR,
            Metronome.MIN_BEATS_PER_BAR, Metronome.MAX_BEATS_PER_BAR, 1));
    final JButton tap = new JButton(ServerText.text("server.metronome.tap"));
    private final TapTempo tapTempo = new TapTempo();
    private Sink sink = (on, b, k) -> { };
    /** True while {@link #show} sets the controls: no echo of the server's own state back to it. */
    private boolean rendering;

    public MetronomeControls() {
        super(new MigLayout("insets 0", "[][]rel[]rel[]"));
        setName("serverMetronome");
        enabled.setName("serverMetronomeEnabled");
        bpm.setName("serverMetronomeBpm");
        beats.setName("serverMetronomeBeats");
        tap.setName("serverMetronomeTap");
        enabled.setMnemonic(ServerText.mnemonic("server.metronome"));
        enabled.setToolTipText(ServerText.tr("server.metronome.tip"));
        bpm.setToolTipText(ServerText.tr("server.metronome.bpm.tip"));
        beats.setToolTipText(ServerText.tr("server.metronome.beats.tip"));
        tap.setToolTipText(ServerText.tr("server.metronome.tap.tip"));
        named(bpm, ServerText.tr("server.metronome.bpm.tip"));
        named(beats, ServerText.tr("server.metronome.beats.tip"));
        add(enabled);
        add(bpm, "w 60!");
        add(beats, "w 45!");
        add(tap);
        enabled.addActionListener(e -> changed());
        bpm.addChangeListener(e -> changed());
        beats.addChangeListener(e -> changed());
        tap.addActionListener(e -> {
            int tapped = tapTempo.tap(System.nanoTime());
            if (tapped > 0) {
                bpm.setValue(tapped);
            }
        });
    }

    /** A spinner's name for screen readers, on the spinner and on the text field that takes the focus. */
    private static void named(JSpinner spinner, String name) {
        spinner.getAccessibleContext().setAccessibleName(name);
        if (spinner.getEditor() instanceof JSpinner.DefaultEditor editor) {
            editor.getTextField().getAccessibleContext().setAccessibleName(name);
        }
    }

    /** Where the user's edits go (the panel's binding). */
    public void onChange(Sink s) {
        this.sink = s;
    }

    /** Shows what the running server reports (call on the EDT). */
    public void show(MetronomeSettings s) {
        rendering = true;
        try {
            boolean available = s.channelId() >= 0;
            enabled.setEnabled(available);
            enabled.setSelected(s.enabled());
            enabled.setToolTipText(ServerText.tr(available ? "server.metronome.tip" : "server.metronome.noId"));
            if (!bpm.getValue().equals(s.bpm())) {
                bpm.setValue(s.bpm());
            }
            if (!beats.getValue().equals(s.beatsPerBar())) {
                beats.setValue(s.beatsPerBar());
            }
        } finally {
            rendering = false;
        }
    }

    /** The tempo shown (the server's, or the stored one before it runs). */
    public int bpm() {
        return (Integer) bpm.getValue();
    }

    /** The beats per bar shown. */
    public int beatsPerBar() {
        return (Integer) beats.getValue();
    }

    private void changed() {
        if (!rendering) {
            sink.metronomeChanged(enabled.isSelected(), (Integer) bpm.getValue(), (Integer) beats.getValue());
        }
    }
}
