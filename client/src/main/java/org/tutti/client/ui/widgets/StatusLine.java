package org.tutti.client.ui.widgets;

import java.awt.Dimension;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * A status text that wraps onto at most {@code lines} lines in whatever width the layout gives it, and never asks
 * for more width: a long message cannot push the buttons beside or below it out of the window. Text beyond the last
 * line is cut; the tooltip always carries the whole text. Looks like a label (font, colour, no border).
 */
public final class StatusLine extends JTextArea {
    private final int lines;

    public StatusLine(int lines) {
        super(" ");
        this.lines = lines;
        setEditable(false);
        setFocusable(false);
        setLineWrap(true);
        setWrapStyleWord(true);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        lookLikeALabel(this);
    }

    /** A read-only text area dressed as a label of the current theme (call again after a theme change). */
    static void lookLikeALabel(JTextArea text) {
        text.setOpaque(false);
        text.setBorder(BorderFactory.createEmptyBorder());
        text.setFont(UIManager.getFont("Label.font"));
        text.setForeground(UIManager.getColor("Label.foreground"));
    }

    @Override
    public void setText(String text) {
        super.setText(text);
        setCaretPosition(0);
        setToolTipText(text == null || text.isBlank() ? null : text);
    }

    @Override
    public Dimension getPreferredSize() {
        Insets i = getInsets();
        return new Dimension(0, lines * getRowHeight() + i.top + i.bottom);
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }
}
