package org.tutti.server.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * A form in a scroll pane that scrolls only when its window is smaller than the form's minimum size: otherwise the
 * form fills the viewport and grows and shrinks with it as if there were no scroll pane. Every control thus stays
 * reachable in a small window, at 200 % scaling or with longer translations.
 */
public final class ScrollingForm extends JPanel implements Scrollable {
    private ScrollingForm(JComponent form) {
        super(new BorderLayout());
        add(form, BorderLayout.CENTER);
    }

    /** {@code form} in a borderless scroll pane that scrolls only when needed. */
    public static JScrollPane wrap(JComponent form) {
        JScrollPane scroll = new JScrollPane(new ScrollingForm(form));
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setViewportBorder(null);
        return scroll;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 2 * getFontMetrics(getFont()).getHeight();
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() instanceof JViewport v && v.getWidth() >= getMinimumSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() instanceof JViewport v && v.getHeight() >= getMinimumSize().height;
    }
}
