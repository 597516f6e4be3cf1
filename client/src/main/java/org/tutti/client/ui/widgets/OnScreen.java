package org.tutti.client.ui.widgets;

import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;

/** Keeps a packed window no larger than the usable part of its screen (without task bars and panels). */
public final class OnScreen {
    private OnScreen() {
    }

    /** Shrinks {@code w} to the usable area of its screen where it is larger; call after {@code pack()}. */
    public static void limit(Window w) {
        Rectangle usable = usableArea(w.getGraphicsConfiguration());
        if (usable == null) {
            return;
        }
        if (w.getWidth() > usable.width || w.getHeight() > usable.height) {
            w.setSize(Math.min(w.getWidth(), usable.width), Math.min(w.getHeight(), usable.height));
        }
    }

    private static Rectangle usableArea(GraphicsConfiguration gc) {
        if (gc == null) {
            return null;
        }
        Rectangle b = gc.getBounds();
        Insets i = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + i.left, b.y + i.top, b.width - i.left - i.right, b.height - i.top - i.bottom);
    }
}
