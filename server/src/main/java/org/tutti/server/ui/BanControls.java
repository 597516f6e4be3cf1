package org.tutti.server.ui;

import java.net.InetAddress;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.table.AbstractTableModel;
import net.miginfocom.swing.MigLayout;
import org.tutti.net.AddressText;
import org.tutti.server.engine.Ban;

/** The server panel's "Bans" list: banned address and until when, with "Unban" for the selected one. */
final class BanControls {
    final JPanel panel = new JPanel(new MigLayout("insets 0, fill", "[grow,fill][]", "[][grow]"));
    private final BansModel model = new BansModel();
    private final JTable table = new JTable(model);
    private final JButton unban = new JButton(ServerText.text("server.unban"));

    BanControls(Consumer<InetAddress> onUnban) {
        table.setName("serverBans");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getAccessibleContext().setAccessibleName(ServerText.text("server.bans"));
        table.setToolTipText(ServerText.tr("server.bans.tip"));
        unban.setName("serverUnban");
        unban.setMnemonic(ServerText.mnemonic("server.unban"));
        unban.setToolTipText(ServerText.tr("server.unban.tip"));
        unban.setEnabled(false);
        table.getSelectionModel().addListSelectionListener(e -> unban.setEnabled(table.getSelectedRow() >= 0));
        unban.addActionListener(e -> {
            int row = table.getSelectedRow();
            if (row >= 0) {
                onUnban.accept(model.rows.get(row).address());
            }
        });
        JLabel label = new JLabel(ServerText.text("server.bans"));
        label.setLabelFor(table);
        panel.add(label, "wrap");
        panel.add(new JScrollPane(table), "grow, h 50:70");
        panel.add(unban, "aligny top");
    }

    void set(List<Ban> bans) {
        if (bans.equals(model.rows)) {
            return; // polled every second: keep the selection while nothing changed
        }
        model.rows.clear();
        model.rows.addAll(bans);
        model.fireTableDataChanged();
    }

    int count() {
        return model.rows.size();
    }

    /** "Until unbanned", or the end of the ban in the user's time zone and language. */
    static String until(Ban ban) {
        if (ban.until() == null) {
            return ServerText.tr("server.bans.forever");
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(ServerText.locale())
                .withZone(ZoneId.systemDefault()).format(ban.until());
    }

    private static final class BansModel extends AbstractTableModel {
        private final List<Ban> rows = new ArrayList<>();
        private final String[] headers = {ServerText.tr("server.col.address"), ServerText.tr("server.bans.until")};

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return headers.length;
        }

        @Override
        public String getColumnName(int c) {
            return headers[c];
        }

        @Override
        public Object getValueAt(int r, int c) {
            Ban ban = rows.get(r);
            return c == 0 ? AddressText.host(ban.address()) : until(ban);
        }
    }
}
