package org.tutti.client.ui.connect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javax.swing.table.AbstractTableModel;
import org.tutti.client.ui.CountryNames;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.Instruments;
import org.tutti.protocol.ChannelInfo;

/**
 * Columns: name, ping, musicians n/max, location, version. With "show all musicians" each server is followed by one
 * row per musician on it (name, instrument, city and country), as Jamulus expands its tree. Every cell is a
 * {@link Cell} whose sort key is its server's, so sorting by any column keeps the musicians under their server.
 */
final class ServerTableModel extends AbstractTableModel {
    static final int PING = 1;

    /**
     * One cell: {@code key} sorts (the server's value for this column), {@code text} shows; {@code group} is the
     * server's place in the list and {@code child} −1 for the server row, else the musician's index.
     */
    record Cell(Comparable<?> key, String text, int group, int child, ChannelInfo musician) {
        boolean isMusician() {
            return child >= 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private record Entry(ServerRow server, int group, int child) {
    }

    private final List<ServerRow> servers = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final String[] headers = {I18n.tr("connect.col.name"), I18n.tr("connect.col.ping"),
        I18n.tr("connect.col.musicians"), I18n.tr("connect.col.location"), I18n.tr("connect.col.version")};
    private boolean showMusicians;

    void setRows(List<ServerRow> list) {
        servers.clear();
        servers.addAll(list);
        rebuild();
    }

    /** Replaces the row with the same address (a new ping answer), or adds it. */
    void update(ServerRow row) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).address().equals(row.address())) {
                servers.set(i, row);
                rebuild();
                return;
            }
        }
        servers.add(row);
        rebuild();
    }

    /** "Show all musicians": one row per musician under each server. */
    void setShowMusicians(boolean show) {
        if (show != showMusicians) {
            showMusicians = show;
            rebuild();
        }
    }

    boolean showsMusicians() {
        return showMusicians;
    }

    private void rebuild() {
        entries.clear();
        for (int g = 0; g < servers.size(); g++) {
            ServerRow s = servers.get(g);
            entries.add(new Entry(s, g, -1));
            if (showMusicians) {
                for (int m = 0; m < s.musicianList().size(); m++) {
                    entries.add(new Entry(s, g, m));
                }
            }
        }
        fireTableDataChanged();
    }

    /** The server of a model row (for a musician row: the server the musician is on). */
    ServerRow row(int modelIndex) {
        return entries.get(modelIndex).server();
    }

    /** True for a musician's row. */
    boolean isMusician(int modelIndex) {
        return entries.get(modelIndex).child() >= 0;
    }

    @Override
    public int getRowCount() {
        return entries.size();
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
        return Cell.class;
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        Entry e = entries.get(rowIndex);
        ServerRow r = e.server();
        Comparable<?> key = switch (column) {
            case 0 -> r.name().toLowerCase(Locale.ROOT);
            case PING -> r.pingMs() < 0 ? Integer.MAX_VALUE : r.pingMs();
            case 2 -> r.musicians();
            case 3 -> r.location().toLowerCase(Locale.ROOT);
            default -> r.version();
        };
        if (e.child() >= 0) {
            ChannelInfo m = r.musicianList().get(e.child());
            String text = switch (column) {
                case 0 -> m.name().isBlank() ? I18n.tr("connect.unnamed") : m.name();
                case 2 -> m.instrument() > 0 ? Instruments.name(m.instrument()) : "";
                case 3 -> musicianLocation(m);
                default -> "";
            };
            return new Cell(key, text, e.group(), e.child(), m);
        }
        String text = switch (column) {
            case 0 -> r.name();
            case PING -> r.pingMs() < 0 ? "" : r.pingMs() + " ms";
            case 2 -> r.maxMusicians() > 0 ? r.musicians() + "/" + r.maxMusicians() : Integer.toString(r.musicians());
            case 3 -> r.location();
            default -> r.version();
        };
        return new Cell(key, text, e.group(), -1, null);
    }

    private static String musicianLocation(ChannelInfo m) {
        String c = m.country() == 0 ? "" : CountryNames.name(m.country());
        return m.city().isBlank() ? c : c.isBlank() ? m.city() : m.city() + ", " + c;
    }

    /**
     * Orders cells by their server's key, then keeps each server's rows together with its musicians below it in
     * their order, whichever way the column is sorted ({@code descending} tells which, as the sorter negates).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Cell> comparator(BooleanSupplier descending) {
        return (a, b) -> {
            int c = ((Comparable) a.key()).compareTo(b.key());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.group(), b.group());
            if (c != 0) {
                return c;
            }
            int d = Integer.compare(a.child(), b.child());
            return descending.getAsBoolean() ? -d : d;
        };
    }
}
