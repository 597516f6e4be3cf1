package org.tutti.client.ui.widgets;

import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.PlainDocument;

/** A text document that refuses input past a length limit (protocol string limits). */
public final class LimitedDocument extends PlainDocument {
    private final int maxChars;

    public LimitedDocument(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void insertString(int offset, String text, AttributeSet attributes) throws BadLocationException {
        if (text == null) {
            return;
        }
        int room = maxChars - getLength();
        if (room <= 0) {
            return;
        }
        super.insertString(offset, text.length() > room ? text.substring(0, room) : text, attributes);
    }
}
