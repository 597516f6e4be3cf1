package org.tutti.client.ui.widgets;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.RenderingHints;
import java.util.Locale;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import org.tutti.client.ui.ThemeColours;

/** A round status light, as Jamulus's delay and jitter-buffer LEDs. */
public final class Led extends JComponent {
    /** The light's state; thresholds live in the static helpers. */
    public enum State { OFF, GREEN, YELLOW, RED }


    private State state = State.OFF;

    public Led(String accessibleName) {
        getAccessibleContext().setAccessibleName(accessibleName);
        setPreferredSize(new Dimension(14, 14));
        setMinimumSize(new Dimension(14, 14));
    }

    /** Jamulus colours the overall delay: ≤ 43 ms green, ≤ 68 ms yellow, otherwise red. */
    public static State forOverallDelayMs(int delayMs) {
        return delayMs <= 43 ? State.GREEN : delayMs <= 68 ? State.YELLOW : State.RED;
    }

    /** The jitter-buffer light is green when no buffer under- or overrun happened since the last check. */
    public static State forJitterBuffer(boolean okSinceLastCheck) {
        return okSinceLastCheck ? State.GREEN : State.RED;
    }

    public State state() {
        return state;
    }

    public void setState(State state) {
        if (this.state != state) {
            this.state = state;
            getAccessibleContext().setAccessibleDescription(state.name().toLowerCase(Locale.ROOT));
            repaint();
        }
    }

    /** Plain JComponents have no accessible context; give screen readers one with a fitting role. */
    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.LABEL;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int d = Math.min(getWidth(), getHeight()) - 2;
        int x = (getWidth() - d) / 2;
        int y = (getHeight() - d) / 2;
        Color c = switch (state) {
            case GREEN -> ThemeColours.get(ThemeColours.LED_GREEN);
            case YELLOW -> ThemeColours.get(ThemeColours.LED_YELLOW);
            case RED -> ThemeColours.get(ThemeColours.LED_RED);
            case OFF -> ThemeColours.get(ThemeColours.LED_OFF);
        };
        g2.setColor(c);
        g2.fillOval(x, y, d, d);
        g2.setColor(c.darker());
        g2.drawOval(x, y, d, d);
        g2.dispose();
    }
}
