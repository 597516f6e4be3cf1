package org.tutti.client.ui.mixer;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.IntConsumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.ui.CountryNames;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.Instruments;
import org.tutti.client.ui.ThemeColours;
import org.tutti.client.ui.widgets.Icons;
import org.tutti.client.ui.widgets.MeterBar;
import org.tutti.client.ui.widgets.PictureIcons;
import org.tutti.protocol.ConductorText;

/**
 * One musician's strip: level meter and fader, pan, mute, solo, group, and a tag with instrument, name, country and
 * skill colour. It only renders a {@link StripView} and forwards user input to {@link MixerActions}.
 */
public final class ChannelStrip extends JPanel {
    /** The flag beside the country name: the text's height, 4:3 wide. */
    private static final int FLAG_HEIGHT_PX = 12;
    private final int channelId;
    private final MeterBar meter;
    private final JSlider fader = new JSlider(SwingConstants.VERTICAL, 0, 100, 100);
    private final JSlider pan = new JSlider(SwingConstants.HORIZONTAL, 0, 100, 50);
    private final JToggleButton mute = new JToggleButton();
    private final JToggleButton solo = new JToggleButton();
    private final JComboBox<String> group = new JComboBox<>();
    private final JLabel instrument = new JLabel();
    private final JLabel name = new JLabel();
    private boolean showChannelId;
    private final JLabel country = new JLabel();
    private final JLabel you = new JLabel(I18n.tr("strip.you"));
    private final JLabel mutedBy = new JLabel(Icons.mutedSpeaker(14));
    private final JPanel tag = new JPanel(new MigLayout("insets 2, gap 2, wrap 1, center", "[center]"));
    private StripView view;
    private boolean updating;
    private boolean picked;
    /** Told when the name tag is clicked: picks or unpicks this musician for a private session (the board keeps the set). */
    private IntConsumer onPick = id -> { };

    public ChannelStrip(StripView initial, MixerActions actions) {
        super(new MigLayout("insets 4, gap 2, wrap 1, center", "[center]"));
        this.channelId = initial.channelId();
        meter = new MeterBar(SwingConstants.VERTICAL, "");
        fader.setName("fader-" + channelId);
        pan.setName("pan-" + channelId);
        mute.setName("mute-" + channelId);
        solo.setName("solo-" + channelId);
        group.setName("group-" + channelId);
        name.setName("name-" + channelId);
        instrument.setName("instrument-" + channelId);
        country.setName("country-" + channelId);
        mute.setText(I18n.text("strip.mute"));
        solo.setText(I18n.text("strip.solo"));
        mute.putClientProperty("JButton.buttonType", "roundRect");
        solo.putClientProperty("JButton.buttonType", "roundRect");
        group.addItem(I18n.tr("strip.groupNone"));
        for (int g = 1; g <= 8; g++) {
            group.addItem(Integer.toString(g));
        }
        pan.setPreferredSize(new Dimension(64, pan.getPreferredSize().height));
        fader.setPreferredSize(new Dimension(fader.getPreferredSize().width, 150));
        name.setFont(name.getFont().deriveFont(Font.BOLD));
        mutedBy.setToolTipText(I18n.tr("strip.mutedBy.tip"));
        country.setFont(country.getFont().deriveFont(country.getFont().getSize2D() * 0.9f));
        you.setFont(country.getFont().deriveFont(Font.ITALIC));

        JPanel meters = new JPanel(new MigLayout("insets 0, gap 2", "[][]", "[grow,fill]"));
        meters.setOpaque(false);
        meters.add(meter, "growy, h 150!");
        meters.add(fader, "growy");
        add(mutedBy, "h 16!");
        add(pan, "w 64!");
        add(meters, "growy");
        add(mute, "growx, sg btn");
        add(solo, "growx, sg btn");
        add(group, "growx");
        tag.add(instrument);
        tag.add(name, "wmax 96");
        tag.add(you, "hidemode 3");
        tag.add(country, "wmax 96");
        add(tag, "growx, w 100!");
        setBorder(BorderFactory.createEmptyBorder(0, 1, 0, 1));

        fader.addChangeListener(e -> {
            if (!updating) {
                actions.fader(channelId, fader.getValue());
            }
        });
        pan.addChangeListener(e -> {
            if (!updating) {
                actions.pan(channelId, pan.getValue());
            }
        });
        mute.addActionListener(e -> actions.mute(channelId, mute.isSelected()));
        solo.addActionListener(e -> actions.solo(channelId, solo.isSelected()));
        MouseAdapter pick = new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() == MouseEvent.BUTTON1) {
                    onPick.accept(channelId);
                }
            }
        };
        tag.addMouseListener(pick);
        name.addMouseListener(pick);
        // from the keyboard too: Tab reaches the name, Space or Enter picks (the frame shows where the focus is)
        name.setFocusable(true);
        name.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "pick");
        name.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "pick");
        name.getActionMap().put("pick", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                onPick.accept(channelId);
            }
        });
        name.addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                name.setBorder(BorderFactory.createLineBorder(accent(), 1));
            }

            @Override
            public void focusLost(FocusEvent e) {
                name.setBorder(null);
            }
        });
        group.addActionListener(e -> {
            if (!updating) {
                actions.group(channelId, group.getSelectedIndex());
            }
        });
        render(initial, true);
    }

    public int channelId() {
        return channelId;
    }

    void onPick(IntConsumer listener) {
        onPick = listener;
    }

    /** Shows whether this musician is picked for a private session (a frame around the strip). */
    void setPicked(boolean on) {
        if (picked == on) {
            return;
        }
        picked = on;
        setBorder(on ? BorderFactory.createLineBorder(accent(), 1) : BorderFactory.createEmptyBorder(0, 1, 0, 1));
    }

    /** FlatLaf's focus colour, which follows the theme. */
    private static Color accent() {
        Color c = UIManager.getColor("Component.focusColor");
        return c != null ? c : UIManager.getColor("List.selectionBackground");
    }

    public boolean picked() {
        return picked;
    }

    public StripView view() {
        return view;
    }

    /** Renders {@code v}; {@code panVisible} is false when our own audio is mono (pan would do nothing). */
    public void render(StripView v, boolean panVisible) {
        updating = true;
        try {
            boolean relabel = view == null || !view.label().equals(v.label()) || view.own() != v.own();
            view = v;
            if (fader.getValue() != v.fader() && !fader.getValueIsAdjusting()) {
                fader.setValue(v.fader());
            }
            if (pan.getValue() != v.pan() && !pan.getValueIsAdjusting()) {
                pan.setValue(v.pan());
            }
            pan.setVisible(panVisible);
            mute.setSelected(v.mute());
            solo.setSelected(v.solo());
            group.setSelectedIndex(v.group());
            meter.setLevel(v.level());
            mutedBy.setVisible(v.mutedByOther());
            if (relabel) {
                label(v);
            }
            name.setText(shownName(v));
            you.setVisible(v.own());
            boolean click = ConductorText.isMetronome(v.name(), v.instrument());
            instrument.setIcon(click ? Icons.metronome(26) : PictureIcons.instrument(v.instrument(), 26));
            instrument.setToolTipText(Instruments.name(v.instrument()));
            country.setIcon(PictureIcons.flag(v.country(), FLAG_HEIGHT_PX));
            country.setText(CountryNames.name(v.country()));
            country.setToolTipText(CountryNames.name(v.country()));
            String tip = tooltip(v);
            tag.setToolTipText(tip);
            name.setToolTipText(tip);
            tag.setBackground(skillColour(v.skill()));
            tag.setOpaque(v.skill() > 0);
        } finally {
            updating = false;
        }
    }

    /** Whether the strip shows the metronome icon (a Tutti server's click track). */
    public boolean instrumentIconIsMetronome() {
        return instrument.getIcon() != null && instrument.getIcon().getClass() == Icons.metronome(1).getClass();
    }

    /** Prefixes the name with the channel ID (MIDI control on). */
    void showChannelId(boolean on) {
        showChannelId = on;
        if (view != null) {
            name.setText(shownName(view));
        }
    }

    private String shownName(StripView v) {
        return showChannelId ? v.channelId() + ": " + v.label() : v.label();
    }

    private void label(StripView v) {
        String who = v.label();
        fader.getAccessibleContext().setAccessibleName(I18n.tr("strip.fader.a11y", who));
        fader.setToolTipText(I18n.tr("strip.fader.tip", who));
        pan.getAccessibleContext().setAccessibleName(I18n.tr("strip.pan.a11y", who));
        pan.setToolTipText(I18n.tr("strip.pan.tip", who));
        mute.getAccessibleContext().setAccessibleName(I18n.tr("strip.mute.a11y", who));
        mute.setToolTipText(I18n.tr("strip.mute.tip", who));
        solo.getAccessibleContext().setAccessibleName(I18n.tr("strip.solo.a11y", who));
        solo.setToolTipText(I18n.tr("strip.solo.tip", who));
        group.getAccessibleContext().setAccessibleName(I18n.tr("strip.group.a11y", who));
        group.setToolTipText(I18n.tr("strip.group.tip"));
        meter.getAccessibleContext().setAccessibleName(I18n.tr("strip.meter.a11y", who));
        name.getAccessibleContext().setAccessibleName(I18n.tr("strip.pick.a11y", who));
    }

    private static String tooltip(StripView v) {
        StringBuilder sb = new StringBuilder(v.label());
        if (v.instrument() > 0) {
            sb.append(" — ").append(Instruments.name(v.instrument()));
        }
        String where = v.city().isBlank() ? CountryNames.name(v.country())
                : CountryNames.name(v.country()).isBlank() ? v.city() : v.city() + ", " + CountryNames.name(v.country());
        if (!where.isBlank()) {
            sb.append(" — ").append(where);
        }
        if (v.skill() > 0) {
            sb.append(" — ").append(I18n.tr("skill." + Math.min(3, v.skill())));
        }
        return sb.toString();
    }

    /** Jamulus tints the tag by skill: beginner yellow, intermediate green, expert red; none is plain. */
    public static Color skillColour(int skill) {
        return switch (skill) {
            case 1 -> ThemeColours.get(ThemeColours.SKILL_BEGINNER);
            case 2 -> ThemeColours.get(ThemeColours.SKILL_INTERMEDIATE);
            case 3 -> ThemeColours.get(ThemeColours.SKILL_EXPERT);
            default -> javax.swing.UIManager.getColor("Panel.background");
        };
    }

    public Color tagColour() {
        return tag.getBackground();
    }

    public JSlider fader() {
        return fader;
    }
}
