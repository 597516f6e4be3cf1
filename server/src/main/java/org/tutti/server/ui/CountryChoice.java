package org.tutti.server.ui;

import java.awt.Component;
import java.util.Locale;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;
import org.tutti.protocol.Countries;

/**
 * The server's country as a list of country names in the UI language (Jamulus's server window has the same), while
 * the value stays the Qt 5 number that goes on the wire. Typing letters jumps to the names that start with them.
 */
final class CountryChoice {
    private final JComboBox<Integer> box = new JComboBox<>();
    private final DefaultComboBoxModel<Integer> model = new DefaultComboBoxModel<>();
    private final Locale language = ServerText.locale();
    private final StringBuilder typed = new StringBuilder();
    private long lastKeyMs;

    CountryChoice() {
        model.addElement(Countries.ANY);
        for (int code : Countries.named(language)) {
            model.addElement(code);
        }
        box.setModel(model);
        box.setName("serverCountry");
        box.setMaximumRowCount(16);
        box.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                return super.getListCellRendererComponent(list, label((Integer) value), index, selected, focus);
            }
        });
        box.setKeySelectionManager((key, m) -> indexStartingWith(key));
    }

    JComboBox<Integer> component() {
        return box;
    }

    int value() {
        Integer v = (Integer) box.getSelectedItem();
        return v == null ? Countries.ANY : v;
    }

    /** Selects {@code code}; a valid code without a name (a region) is kept and shown as its number. */
    void select(int code) {
        int v = Countries.isValid(code) ? code : Countries.ANY;
        if (model.getIndexOf(v) < 0) {
            model.addElement(v);
        }
        box.setSelectedItem(v);
    }

    String label(Integer code) {
        if (code == null || code == Countries.ANY) {
            return ServerText.tr("server.country.none");
        }
        String name = Countries.displayName(code, language);
        return name.isEmpty() ? String.valueOf(code) : name;
    }

    /** Letters typed within a second add up ("fr" → France), as in a native list. */
    private int indexStartingWith(char key) {
        long now = System.currentTimeMillis();
        if (now - lastKeyMs > 1000) {
            typed.setLength(0);
        }
        lastKeyMs = now;
        typed.append(Character.toLowerCase(key));
        String prefix = typed.toString();
        for (int i = 0; i < model.getSize(); i++) {
            if (label(model.getElementAt(i)).toLowerCase(language).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
