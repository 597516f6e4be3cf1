package org.tutti.client.ui;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** Columns: name, ping, musicians n/max, location, version. Ping sorts numerically, unknown last. */
final class ServerTableModel extends AbstractTableModel {
    private final List<ServerRow> rows = new ArrayList<>();
    private final String[] headers = {I18n.tr("connect.col.name"), I18n.tr("connect.col.ping"),
        I18n.tr("connect.col.musicians"), I18n.tr("connect.col.location"), I18n.tr("connect.col.version")};

    void setRows(List<ServerRow> list) {
        rows.clear();
        rows.addAll(list);
        fireTableDataChanged();
    }

    /** Replaces the row with the same address (a new ping answer), or adds it. */
    void update(ServerRow row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).address().equals(row.address())) {
                rows.set(i, row);
                fireTableRowsUpdated(i, i);
                return;
            }
        }
        rows.add(row);
        fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
    }

    ServerRow row(int modelIndex) {
        return rows.get(modelIndex);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return headers.length;
    }

    @Override
    public String getColumnName(int column) {
        return headers[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 1 ? Integer.class : String.class;
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        ServerRow r = rows.get(rowIndex);
        return switch (column) {
            case 0 -> r.name();
            case 1 -> r.pingMs() < 0 ? Integer.MAX_VALUE : r.pingMs();
            case 2 -> r.maxMusicians() > 0 ? r.musicians() + "/" + r.maxMusicians() : Integer.toString(r.musicians());
            case 3 -> r.location();
            default -> r.version();
        };
    }
}
