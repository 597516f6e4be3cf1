package org.tutti.client.ui.widgets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.Polygon;
import java.awt.RenderingHints;
import javax.swing.Icon;
import javax.swing.UIManager;
import org.tutti.client.ui.Instruments;
import org.tutti.client.ui.ThemeColours;

/** Icons drawn in code (no image files): they scale cleanly on HiDPI screens because they are vector drawings. */
public final class Icons {
    private Icons() {
    }

    /** A round badge with the instrument's abbreviation in its family colour. */
    public static Icon instrument(int code, int size) {
        return new Drawn(size) {
            @Override
            void draw(Graphics2D g, int s) {
                if (code <= 0) {
                    return;
                }
                g.setColor(Instruments.colour(code));
                g.fillOval(0, 0, s - 1, s - 1);
                g.setColor(ThemeColours.get(ThemeColours.INSTRUMENT_LETTERS));
                g.setFont(g.getFont().deriveFont(Font.BOLD, s * 0.45f));
                String t = Instruments.abbreviation(code);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(t, (s - fm.stringWidth(t)) / 2f, (s - fm.getHeight()) / 2f + fm.getAscent());
            }
        };
    }

    /** A metronome: the server's click track (a Tutti server's "Metronome" channel). */
    public static Icon metronome(int size) {
        return new Drawn(size) {
            @Override
            void draw(Graphics2D g, int s) {
                g.setColor(UIManager.getColor("Label.foreground"));
                Polygon body = new Polygon();
                body.addPoint(s * 5 / 16, s / 8);
                body.addPoint(s * 11 / 16, s / 8);
                body.addPoint(s * 7 / 8, s * 7 / 8);
                body.addPoint(s / 8, s * 7 / 8);
                g.setStroke(new BasicStroke(Math.max(1.2f, s / 14f)));
                g.drawPolygon(body);
                g.drawLine(s / 2, s * 3 / 4, s * 3 / 4, s / 4); // the pendulum, swung right
                g.fillOval(s * 5 / 8, s * 3 / 8, Math.max(3, s / 6), Math.max(3, s / 8));
            }
        };
    }

    /** A crossed-out speaker: this musician does not hear you (they muted you or pulled your fader down). */
    public static Icon mutedSpeaker(int size) {
        return new Drawn(size) {
            @Override
            void draw(Graphics2D g, int s) {
                g.setColor(ThemeColours.get(ThemeColours.NOT_HEARING_YOU));
                Polygon p = new Polygon();
                p.addPoint(s / 8, s * 3 / 8);
                p.addPoint(s * 3 / 8, s * 3 / 8);
                p.addPoint(s * 5 / 8, s / 8);
                p.addPoint(s * 5 / 8, s * 7 / 8);
                p.addPoint(s * 3 / 8, s * 5 / 8);
                p.addPoint(s / 8, s * 5 / 8);
                g.fillPolygon(p);
                g.setStroke(new BasicStroke(Math.max(1.5f, s / 10f)));
                g.drawLine(s * 11 / 16, s * 5 / 16, s - 1, s * 11 / 16);
                g.drawLine(s * 11 / 16, s * 11 / 16, s - 1, s * 5 / 16);
            }
        };
    }

    /** The application icon: three coloured bars on a round tile. */
    public static Icon app(int size) {
        return new Drawn(size) {
            @Override
            void draw(Graphics2D g, int s) {
                g.setColor(ThemeColours.get(ThemeColours.APP_ICON_TILE));
                g.fillRoundRect(0, 0, s - 1, s - 1, s / 3, s / 3);
                Color[] bars = {ThemeColours.get(ThemeColours.APP_ICON_BAR1),
                    ThemeColours.get(ThemeColours.APP_ICON_BAR2), ThemeColours.get(ThemeColours.APP_ICON_BAR3)};
                for (int i = 0; i < 3; i++) {
                    g.setColor(bars[i]);
                    int h = s * (3 + 2 * i) / 12;
                    g.fillRect(s * (2 + 3 * i) / 12, s * 10 / 12 - h, s * 2 / 12, h);
                }
            }
        };
    }

    /** Base for icons painted with antialiasing at any size. */
    abstract static class Drawn implements Icon {
        private final int size;

        Drawn(int size) {
            this.size = size;
        }

        abstract void draw(Graphics2D g, int s);

        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            Graphics2D g2 = (Graphics2D) g.create();
            g2.translate(x, y);
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font f = UIManager.getFont("Label.font");
            if (f != null) {
                g2.setFont(f);
            }
            draw(g2, size);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return size;
        }

        @Override
        public int getIconHeight() {
            return size;
        }
    }
}
