package org.tutti.client.ui.widgets;

import com.formdev.flatlaf.util.UIScale;
import java.awt.Dimension;
import java.awt.Insets;
import javax.swing.JTextArea;
import javax.swing.text.View;

/**
 * A paragraph that looks like a label and wraps at a given width (scaled with the UI): its preferred height is the
 * height of the wrapped text, so a layout gives it all the lines it needs. An HTML label, by contrast, asks for the
 * height of one long line and then wraps into more, pushing whatever is below it out of the window.
 */
public final class WrappedText extends JTextArea {
    private final int width;

    /** {@code width} in unscaled pixels. */
    public WrappedText(String text, int width) {
        super(text);
        this.width = width;
        setEditable(false);
        setFocusable(false);
        setLineWrap(true);
        setWrapStyleWord(true);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        StatusLine.lookLikeALabel(this);
    }

    @Override
    public Dimension getPreferredSize() {
        Insets i = getInsets();
        int w = Math.max(getWidth(), UIScale.scale(width));
        View root = getUI().getRootView(this);
        root.setSize(w - i.left - i.right, Integer.MAX_VALUE);
        int h = (int) Math.ceil(root.getPreferredSpan(View.Y_AXIS));
        return new Dimension(UIScale.scale(width), h + i.top + i.bottom);
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }
}
