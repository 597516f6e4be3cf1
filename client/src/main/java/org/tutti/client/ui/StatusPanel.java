package org.tutti.client.ui;

import java.awt.Font;
import java.nio.file.Path;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JToggleButton;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.session.ClientSession;
import org.tutti.client.session.IndicatorReadings;
import org.tutti.client.ui.widgets.Led;
import org.tutti.client.ui.widgets.MeterBar;

/**
 * The local side of the main window: stereo input meters (moving before connecting too: the sound check), Mute
 * Myself, Hear myself, input balance, and the link figures with
 * Jamulus's LEDs (overall delay, jitter buffer), ping and audio stream rate. {@link #render(IndicatorReadings)} is called by
 * the window's Swing timer with a snapshot of the engine counters.
 */
public final class StatusPanel extends JPanel {
    final MeterBar left = new MeterBar(SwingConstants.HORIZONTAL, I18n.tr("status.inputLeft.a11y"));
    final MeterBar right = new MeterBar(SwingConstants.HORIZONTAL, I18n.tr("status.inputRight.a11y"));
    final JCheckBox muteMyself = new JCheckBox(I18n.text("status.muteMyself"));
    /** The sound check's play-back: only before connecting (connected, the server's mix is what you hear). */
    final JCheckBox hearMyself = new JCheckBox(I18n.text("status.hearMyself"));
    final JSlider balance = new JSlider(-50, 50, 0);
    final Led delayLed = new Led(I18n.tr("status.delayLed.a11y"));
    final Led jitterLed = new Led(I18n.tr("status.jitterLed.a11y"));
    final JLabel delay = new JLabel();
    final JLabel ping = new JLabel();
    final JLabel rate = new JLabel();
    final JLabel muted = new JLabel(I18n.tr("status.muted"));
    /** Recording at home: the main window acts on it ({@link MainWindow}); {@link #showRecording} shows the state. */
    final JToggleButton record = new JToggleButton(I18n.text("status.record"));
    final JLabel recordingTo = new JLabel();

    public StatusPanel(ClientSession session) {
        super(new MigLayout("insets 0, gap 6 2", "[][grow,fill][]", ""));
        muteMyself.setName("muteMyself");
        muteMyself.setMnemonic(I18n.mnemonic("status.muteMyself"));
        muteMyself.setToolTipText(I18n.tr("status.muteMyself.tip"));
        muteMyself.addActionListener(e -> {
            session.muteMyself(muteMyself.isSelected());
            muted.setVisible(muteMyself.isSelected());
        });
        hearMyself.setName("hearMyself");
        hearMyself.setMnemonic(I18n.mnemonic("status.hearMyself"));
        hearMyself.setToolTipText(I18n.tr("status.hearMyself.tip"));
        hearMyself.addActionListener(e -> session.hearMyself(hearMyself.isSelected()));
        balance.setName("inputBalance");
        balance.getAccessibleContext().setAccessibleName(I18n.tr("status.balance.a11y"));
        balance.setToolTipText(I18n.tr("status.balance.tip"));
        balance.addChangeListener(e -> session.inputBalance(balance.getValue()));
        delayLed.setName("delayLed");
        jitterLed.setName("jitterLed");
        delayLed.setToolTipText(I18n.tr("status.delayLed.tip"));
        jitterLed.setToolTipText(I18n.tr("status.jitterLed.tip"));
        muted.setForeground(ThemeColours.get(ThemeColours.MUTED_FOREGROUND));
        muted.setFont(muted.getFont().deriveFont(Font.BOLD));
        muted.setVisible(false);
        muted.setName("mutedBanner");
        delay.setName("delay");
        ping.setName("ping");
        rate.setName("streamRate");
        record.setName("homeRecord");
        record.setMnemonic(I18n.mnemonic("status.record"));
        record.setToolTipText(I18n.tr("status.record.tip"));
        recordingTo.setName("homeRecordingTo");
        recordingTo.setForeground(ThemeColours.get(ThemeColours.RECORDING_BACKGROUND));
        recordingTo.setFont(recordingTo.getFont().deriveFont(Font.BOLD));
        recordingTo.setVisible(false);

        add(new JLabel(I18n.tr("status.inputL")));
        add(left, "h 10!");
        add(muteMyself, "wrap");
        add(new JLabel(I18n.tr("status.inputR")));
        add(right, "h 10!");
        add(hearMyself, "split 2");
        add(muted, "wrap");
        add(new JLabel(I18n.tr("status.balanceL")));
        add(balance);
        add(new JLabel(I18n.tr("status.balanceR")), "wrap");
        JPanel link = new JPanel(new MigLayout("insets 0, gap 4"));
        link.add(delayLed);
        link.add(delay, "gapright 12");
        link.add(jitterLed);
        link.add(new JLabel(I18n.tr("status.jitter")), "gapright 12");
        link.add(ping, "gapright 12");
        link.add(rate);
        add(link, "span 3, wrap");
        add(record, "span 3, split 2");
        add(recordingTo, "growx");
        render(IndicatorReadings.IDLE);
    }

    /** Shows "mute myself" as set from elsewhere (JSON-RPC); the engine has been told already. */
    void showMuteMyself(boolean on) {
        muteMyself.setSelected(on);
        muted.setVisible(on);
    }

    /** Shows recording at home into {@code take}, or stopped (null). */
    void showRecording(Path take) {
        record.setSelected(take != null);
        recordingTo.setVisible(take != null);
        recordingTo.setText(take == null ? "" : I18n.tr("status.recordingTo", take.toString()));
        recordingTo.setToolTipText(take == null ? null : take.toString());
    }

    /** Renders a counter snapshot. */
    public void render(IndicatorReadings s) {
        left.setLevel(MeterBar.stepsFromDb(s.inputLeftDb()));
        right.setLevel(MeterBar.stepsFromDb(s.inputRightDb()));
        if (s.connected() && s.overallDelayMs() >= 0) {
            delayLed.setState(Led.forOverallDelayMs(s.overallDelayMs()));
            setText(delay, I18n.tr("status.delay", s.overallDelayMs()));
        } else {
            delayLed.setState(Led.State.OFF);
            setText(delay, I18n.tr("status.delayUnknown"));
        }
        jitterLed.setState(s.connected() ? Led.forJitterBuffer(s.jitterBufferOk()) : Led.State.OFF);
        setText(ping, s.connected() && s.pingMs() >= 0 ? I18n.tr("status.ping", s.pingMs())
                : I18n.tr("status.pingUnknown"));
        setText(rate, I18n.tr("status.rate", s.connected() ? s.streamKbps() : 0));
    }

    private static void setText(JLabel l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }
}
