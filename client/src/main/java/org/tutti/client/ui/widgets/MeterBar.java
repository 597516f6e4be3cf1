package org.tutti.client.ui.widgets;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Graphics;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import javax.swing.SwingConstants;
import org.tutti.client.ui.ThemeColours;

/**
 * A segmented level meter with Jamulus's scale: 8 steps (each 6.25 dB over a 50 dB range), the first 5 green, the
 * next 2 yellow, the last red, plus a clip light that stays on for 20 s after the level went past the top.
 */
public final class MeterBar extends JComponent {
    public static final int STEPS = 8;
    static final int YELLOW_FROM = 5;
    static final int RED_FROM = 7;
    static final long CLIP_HOLD_MS = 20_000;

    private final int orientation;
    private double steps;
    private long clipUntilMs;

    /** {@code orientation} is {@link SwingConstants#VERTICAL} (mixer strips) or HORIZONTAL (input meters). */
    public MeterBar(int orientation, String accessibleName) {
        this.orientation = orientation;
        getAccessibleContext().setAccessibleName(accessibleName);
        setPreferredSize(orientation == SwingConstants.VERTICAL ? new Dimension(10, 120) : new Dimension(160, 10));
        setMinimumSize(orientation == SwingConstants.VERTICAL ? new Dimension(8, 60) : new Dimension(60, 8));
    }

    /** Converts a peak level in dBFS to meter steps (0..8, more than 8 means clipping). */
    public static double stepsFromDb(double db) {
        return Math.max(0, (db + 50.0) * STEPS / 50.0);
    }

    /** Sets the level in steps (0..9, as in the server's level list). */
    public void setLevel(double steps) {
        setLevel(steps, System.currentTimeMillis());
    }

    void setLevel(double steps, long nowMs) {
        double v = Math.max(0, Math.min(STEPS + 1, steps));
        if (v > STEPS) {
            clipUntilMs = nowMs + CLIP_HOLD_MS;
        }
        boolean changed = v != this.steps || clipUntilMs != 0 && nowMs >= clipUntilMs;
        if (clipUntilMs != 0 && nowMs >= clipUntilMs) {
            clipUntilMs = 0;
        }
        this.steps = v;
        if (changed) {
            repaint();
        }
    }

    public double level() {
        return steps;
    }

    public boolean clipping() {
        return clipUntilMs != 0;
    }

    /** Colour of LED {@code index} (0 = bottom) when lit. */
    static Color colourOf(int index) {
        return ThemeColours.get(index < YELLOW_FROM ? ThemeColours.METER_GREEN
                : index < RED_FROM ? ThemeColours.METER_YELLOW : ThemeColours.METER_RED);
    }

    /** Plain JComponents have no accessible context; give screen readers one with a fitting role. */
    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.PROGRESS_BAR;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        boolean vertical = orientation == SwingConstants.VERTICAL;
        int length = vertical ? getHeight() : getWidth();
        int thick = vertical ? getWidth() : getHeight();
        int cells = STEPS + 1; // + clip light
        int gap = 2;
        double cell = (length - gap * (cells - 1)) / (double) cells;
        Color off = ThemeColours.get(ThemeColours.METER_OFF);
        Color clip = ThemeColours.get(ThemeColours.METER_CLIP);
        for (int i = 0; i < cells; i++) {
            boolean lit = i < STEPS ? i < steps : clipUntilMs != 0;
            Color c = i < STEPS ? colourOf(i) : clip;
            g2.setColor(lit ? c : off);
            int from = (int) Math.round(i * (cell + gap));
            int size = (int) Math.round(cell);
            if (vertical) {
                g2.fillRect(0, length - from - size, thick, size);
            } else {
                g2.fillRect(from, 0, size, thick);
            }
        }
        g2.dispose();
    }
}
