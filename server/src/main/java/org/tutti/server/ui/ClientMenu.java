package org.tutti.server.ui;

import java.awt.Point;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import javax.swing.event.PopupMenuEvent;
import javax.swing.event.PopupMenuListener;

/**
 * The clients table's context menu: "Admit" (for one waiting in the password lobby), "Kick", "Ban for 1 hour", "Ban
 * until unbanned" on the musician under the pointer (or the selected one, from the keyboard's menu key). Acts on the
 * channel ID the row was reported with.
 */
final class ClientMenu {
    static final Duration ONE_HOUR = Duration.ofHours(1);

    private ClientMenu() {
    }

    /**
     * Installs the menu on {@code table}; {@code selectedId} gives the channel ID of the selected row (-1 for none).
     */
    static void install(JTable table, IntSupplier selectedId, BooleanSupplier selectedWaits,
                        Supplier<ClientActions> actions) {
        JPopupMenu menu = new JPopupMenu();
        menu.setName("serverClientMenu");
        JMenuItem admit = item("server.admit", "serverAdmit");
        JMenuItem kick = item("server.kick", "serverKick");
        JMenuItem banHour = item("server.banHour", "serverBanHour");
        JMenuItem banForever = item("server.banForever", "serverBanForever");
        menu.add(admit);
        menu.add(kick);
        menu.addSeparator();
        menu.add(banHour);
        menu.add(banForever);
        // the musician the menu opened on: the table is refreshed every second and may lose its selection meanwhile
        int[] target = {-1};
        admit.addActionListener(e -> act(target[0], id -> actions.get().admit(id)));
        kick.addActionListener(e -> act(target[0], id -> actions.get().kick(id)));
        banHour.addActionListener(e -> act(target[0], id -> actions.get().ban(id, ONE_HOUR)));
        banForever.addActionListener(e -> act(target[0], id -> actions.get().ban(id, null)));
        menu.addPopupMenuListener(new PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(PopupMenuEvent e) {
                // a right click acts on the row under the pointer, not on whatever was selected before
                Point p = table.getMousePosition();
                int row = p == null ? -1 : table.rowAtPoint(p);
                if (row >= 0) {
                    table.setRowSelectionInterval(row, row);
                }
                target[0] = selectedId.getAsInt();
                boolean any = target[0] >= 0;
                admit.setEnabled(any && selectedWaits.getAsBoolean());
                kick.setEnabled(any);
                banHour.setEnabled(any);
                banForever.setEnabled(any);
            }

            @Override
            public void popupMenuWillBecomeInvisible(PopupMenuEvent e) {
            }

            @Override
            public void popupMenuCanceled(PopupMenuEvent e) {
            }
        });
        table.setComponentPopupMenu(menu);
    }

    private static JMenuItem item(String key, String name) {
        JMenuItem item = new JMenuItem(ServerText.text(key));
        item.setName(name);
        item.setMnemonic(ServerText.mnemonic(key));
        item.setToolTipText(ServerText.tr(key + ".tip"));
        return item;
    }

    private static void act(int id, IntConsumer action) {
        if (id >= 0) {
            action.accept(id);
        }
    }
}
