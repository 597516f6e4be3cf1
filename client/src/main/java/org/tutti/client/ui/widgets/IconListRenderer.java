package org.tutti.client.ui.widgets;

import java.awt.Component;
import java.util.function.IntFunction;
import javax.swing.DefaultListCellRenderer;
import javax.swing.Icon;
import javax.swing.JComboBox;
import javax.swing.JList;

/**
 * Shows a combo box's entries as icon + text, the icon chosen by the entry's index (the combos of the profile
 * editor are indexed: instrument code, position in the country list). Icons come from {@link PictureIcons}'s cache.
 */
public final class IconListRenderer extends DefaultListCellRenderer {
    private final JComboBox<?> combo;
    private final IntFunction<Icon> iconAt;

    private IconListRenderer(JComboBox<?> combo, IntFunction<Icon> iconAt) {
        this.combo = combo;
        this.iconAt = iconAt;
    }

    /** Installs on {@code combo}: {@code iconAt} gives the icon of entry i (null for none). */
    public static void install(JComboBox<?> combo, IntFunction<Icon> iconAt) {
        combo.setRenderer(new IconListRenderer(combo, iconAt));
    }

    @Override
    public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                  boolean focused) {
        super.getListCellRendererComponent(list, value, index, selected, focused);
        // index -1 is the closed combo showing its selection
        int i = index >= 0 ? index : combo.getSelectedIndex();
        setIcon(i >= 0 ? iconAt.apply(i) : null);
        return this;
    }
}
