package org.tutti.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.CellRendererPane;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JScrollBar;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JToolBar;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.assertj.swing.edt.GuiActionRunner;

/**
 * "Does this window fit?": every control that is showing can be reached inside its window (within the window's
 * content, or within a scroll pane's view so that scrolling brings it in), no button, box or field is squeezed below
 * the width its text needs, and the window is no larger than the screen it is meant for. Every tab of every tabbed
 * pane is checked, one after the other.
 */
final class Fits {
    private Fits() {
    }

    /** Fails with the list of everything that does not fit in {@code w} or of {@code w} on {@code screen}. */
    static void assertFits(Window w, Rectangle screen) {
        List<String> problems = GuiActionRunner.execute(() -> problems(w, screen));
        assertThat(problems).as("what does not fit in %s (%dx%d) on a %dx%d screen", w.getName(), w.getWidth(),
                w.getHeight(), screen.width, screen.height).isEmpty();
    }

    /** The problems; call on the EDT with the window showing. */
    static List<String> problems(Window w, Rectangle screen) {
        List<String> problems = new ArrayList<>();
        if (w.getWidth() > screen.width || w.getHeight() > screen.height) {
            problems.add("window " + w.getWidth() + "x" + w.getHeight() + " larger than the screen");
        }
        w.validate();
        checkTabs(w, w, problems);
        return problems;
    }

    private static void checkTabs(Window w, Container root, List<String> problems) {
        List<JTabbedPane> tabbed = new ArrayList<>();
        collect(root, tabbed);
        if (tabbed.isEmpty()) {
            check(w, root, problems);
            return;
        }
        JTabbedPane tabs = tabbed.getFirst();
        int selected = tabs.getSelectedIndex();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            tabs.setSelectedIndex(i);
            w.validate();
            check(w, root, problems);
        }
        tabs.setSelectedIndex(selected);
        w.validate();
    }

    private static void collect(Container c, List<JTabbedPane> out) {
        for (Component child : c.getComponents()) {
            if (child instanceof JTabbedPane t && t.isShowing()) {
                out.add(t);
            } else if (child instanceof Container k) {
                collect(k, out);
            }
        }
    }

    private static void check(Window w, Container c, List<String> problems) {
        for (Component child : c.getComponents()) {
            if (!child.isShowing() || child instanceof CellRendererPane
                    || child instanceof JScrollBar) {
                continue;
            }
            if (isControl(child)) {
                String why = whyUnreachable(child, w);
                if (why != null) {
                    problems.add(describe(child) + ": " + why);
                }
            }
            if (child instanceof Container k && !(child instanceof JComboBox<?>) && !(child instanceof JSpinner)
                    && !(child instanceof JTable)) {
                check(w, k, problems);
            }
        }
    }

    private static boolean isControl(Component c) {
        return c instanceof AbstractButton || c instanceof JTextComponent || c instanceof JComboBox<?>
                || c instanceof JSpinner || c instanceof JSlider || c instanceof JTable
                || c instanceof JLabel l && l.getText() != null && !l.getText().isBlank();
    }

    /** Null when {@code c} lies inside every ancestor up to the window (scroll panes scroll to their whole view). */
    static String whyUnreachable(Component c, Window w) {
        if ((c.getWidth() <= 0 || c.getHeight() <= 0) && !(c instanceof JTable)) { // an empty table has no height
            return "no room (" + c.getWidth() + "x" + c.getHeight() + ")";
        }
        if (squeezed(c)) {
            return "narrower (" + c.getWidth() + ") than its text needs (" + c.getPreferredSize().width + ")";
        }
        Rectangle r = c.getBounds();
        Component child = c;
        Container parent = c.getParent();
        while (parent != null) {
            Rectangle inside = new Rectangle(0, 0, parent.getWidth(), parent.getHeight());
            if (parent instanceof JViewport) {
                // the view scrolls: whatever lies in the view can be brought into the viewport
                r = new Rectangle(0, 0, parent.getWidth(), parent.getHeight());
            } else if (!inside.contains(r)) {
                return "at " + show(r) + " outside " + describe(parent) + " " + show(inside);
            }
            if (parent == w) {
                return null;
            }
            r = new Rectangle(r.x + parent.getX(), r.y + parent.getY(), r.width, r.height);
            child = parent;
            parent = parent.getParent();
        }
        return "not in the window (" + child + ")";
    }

    /**
     * Scrolls every scroll pane around {@code c} so that it shows, and returns the part of it (or of its own scroll
     * pane, for a table or text area) that is visible: its whole size when it can be reached. Call on the EDT.
     */
    static Rectangle reveal(JComponent c) {
        JComponent target = c.getParent() instanceof JViewport v && v.getParent() instanceof JComponent pane
                ? pane : c;
        // a viewport scrolls only itself: ask each one around the target, innermost first
        for (Component p = target.getParent(); p != null; p = p.getParent()) {
            if (p instanceof JViewport viewport && viewport.getView() instanceof JComponent view) {
                view.scrollRectToVisible(SwingUtilities.convertRectangle(target.getParent(), target.getBounds(), view));
            }
        }
        Rectangle visible = target.getVisibleRect();
        return visible.width == target.getWidth() && visible.height == target.getHeight()
                ? new Rectangle(c.getSize()) : visible;
    }

    /** A button, check box or combo box narrower than its text: it would show "Conn…". */
    private static boolean squeezed(Component c) {
        boolean text = c instanceof AbstractButton b && !(b.getParent() instanceof JToolBar)
                && b.getText() != null && !b.getText().isBlank() || c instanceof JComboBox<?>;
        return text && c.getWidth() + 1 < c.getPreferredSize().width;
    }

    private static String show(Rectangle r) {
        return "[" + r.x + "," + r.y + " " + r.width + "x" + r.height + "]";
    }

    static String describe(Component c) {
        String name = c.getName() != null ? c.getName()
                : c instanceof AbstractButton b ? "'" + b.getText() + "'"
                : c instanceof JLabel l ? "'" + l.getText() + "'"
                : c instanceof JComponent j && j.getAccessibleContext().getAccessibleName() != null
                        ? "'" + j.getAccessibleContext().getAccessibleName() + "'" : "";
        return c.getClass().getSimpleName() + name;
    }
}
