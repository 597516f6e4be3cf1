package org.tutti.client.ui.connect;

import java.awt.Component;
import java.awt.Window;
import java.awt.event.ActionListener;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.Instruments;
import org.tutti.client.ui.widgets.OnScreen;
import org.tutti.client.ui.widgets.PictureIcons;
import org.tutti.client.ui.widgets.StatusLine;

/**
 * Connection Setup: pick a directory, browse its servers (filter, sort by ping), or type an address (with history).
 * Double-click or Connect closes the dialog with the chosen address. Fetching lists and pings is the engine's job:
 * it receives the chosen directory through {@code onDirectory} and feeds rows back with {@link #showServers} and
 * {@link #updateServer} (on the EDT).
 */
public final class ConnectDialog extends JDialog implements ServerListSink {
    public static final int MAX_HISTORY = 12;

    private final JComboBox<Directories.Directory> directory = new JComboBox<>();
    private final JTextField filter = new JTextField();
    private final ServerTableModel servers = new ServerTableModel();
    private final JTable table = new JTable(servers);
    private final TableRowSorter<ServerTableModel> sorter = new TableRowSorter<>(servers);
    private final JComboBox<String> address = new JComboBox<>();
    private final JButton connect = new JButton(I18n.text("connect.connect"));
    private final JButton cancel = new JButton(I18n.text("connect.cancel"));
    private final StatusLine status = new StatusLine(2);
    private final JCheckBox showAll = new JCheckBox(I18n.text("connect.showAll"));
    private final JButton addDirectory = new JButton(I18n.text("connect.directory.add"));
    private final JButton removeDirectory = new JButton(I18n.text("connect.directory.remove"));
    private final JButton forgetAddress = new JButton(I18n.text("connect.address.forget"));
    /** The settings' lists as edited here; the window stores them when the dialog closes. */
    private List<String> customDirectories;
    private List<String> history;
    private String chosen;
    private String chosenName = "";

    public ConnectDialog(Window owner, List<String> customDirectories, List<String> history,
                         Consumer<Directories.Directory> onDirectory) {
        super(owner, I18n.text("connect.title"), ModalityType.APPLICATION_MODAL);
        setName("connectDialog");
        directory.setName("directory");
        filter.setName("filter");
        table.setName("serverList");
        address.setName("address");
        connect.setName("connect");
        cancel.setName("cancel");
        showAll.setName("showAllMusicians");
        showAll.setMnemonic(I18n.mnemonic("connect.showAll"));
        showAll.setToolTipText(I18n.tr("connect.showAll.tip"));
        showAll.getAccessibleContext().setAccessibleName(I18n.text("connect.showAll"));
        this.customDirectories = new ArrayList<>(customDirectories);
        this.history = new ArrayList<>(history.stream().limit(MAX_HISTORY).toList());
        for (Directories.Directory d : Directories.all(customDirectories)) {
            directory.addItem(d);
        }
        address.setEditable(true);
        address.setModel(new DefaultComboBoxModel<>(this.history.toArray(String[]::new)));
        address.setSelectedItem(history.isEmpty() ? "" : history.getFirst());
        listButton(addDirectory, "connect.directory.add", "addDirectory", e -> askDirectory());
        listButton(removeDirectory, "connect.directory.remove", "removeDirectory", e -> removeDirectory());
        listButton(forgetAddress, "connect.address.forget", "forgetAddress", e -> forgetAddress());
        removeDirectory.setEnabled(isCustom(selectedDirectory()));

        label(directory, "connect.directory");
        label(filter, "connect.filter");
        label(table, "connect.list");
        label(address, "connect.address");
        filter.setToolTipText(I18n.tr("connect.filter.tip"));
        connect.setMnemonic(I18n.mnemonic("connect.connect"));

        table.setRowSorter(sorter);
        for (int c = 0; c < servers.getColumnCount(); c++) {
            int column = c;
            sorter.setComparator(c, ServerTableModel.comparator(() -> sorter.getSortKeys().stream()
                    .anyMatch(k -> k.getColumn() == column && k.getSortOrder() == SortOrder.DESCENDING)));
        }
        sorter.setSortKeys(List.of(new RowSorter.SortKey(ServerTableModel.PING,
                SortOrder.ASCENDING)));
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setDefaultRenderer(ServerTableModel.Cell.class, new CellRenderer());
        table.getColumnModel().getColumn(0).setPreferredWidth(200);
        table.getColumnModel().getColumn(3).setPreferredWidth(160);
        table.getSelectionModel().addListSelectionListener(e -> {
            int r = table.getSelectedRow();
            if (r >= 0) {
                address.setSelectedItem(servers.row(table.convertRowIndexToModel(r)).address());
            }
        });
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && table.rowAtPoint(e.getPoint()) >= 0) {
                    choose();
                }
            }
        });
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        directory.addActionListener(e -> {
            removeDirectory.setEnabled(isCustom(selectedDirectory()));
            if (selectedDirectory() == null) {
                return;
            }
            servers.setRows(List.of());
            status.setText(I18n.tr("connect.querying", selectedDirectory().address()));
            onDirectory.accept(selectedDirectory());
        });
        showAll.addActionListener(e -> keepSelection(() -> servers.setShowMusicians(showAll.isSelected())));
        connect.addActionListener(e -> choose());
        cancel.addActionListener(e -> dispose());

        status.setName("connectStatus");
        getContentPane().setLayout(new MigLayout("insets dialog, fill", "[][grow,fill]", "[][][grow,fill][][][]"));
        add(labelFor("connect.directory", directory));
        add(directory, "split 3, growx");
        add(addDirectory);
        add(removeDirectory, "wrap");
        add(labelFor("connect.filter", filter));
        add(filter, "split 2, growx");
        add(showAll, "wrap");
        add(new JScrollPane(table), "span 2, wrap, w 560:640, h 80:320"); // shrinks first on a small screen
        add(labelFor("connect.address", address));
        add(address, "split 2, growx");
        add(forgetAddress, "wrap");
        // The status has a row of its own and takes only the width it is given: a long problem wraps, the buttons stay.
        add(status, "span 2, growx, wmin 0, wrap");
        add(connect, "span 2, split 2, tag ok");
        add(cancel, "tag cancel");
        getRootPane().setDefaultButton(connect);
        pack();
        OnScreen.limit(this);
        setLocationRelativeTo(owner);
    }

    private static void listButton(JButton b, String key, String name, ActionListener action) {
        b.setName(name);
        b.setMnemonic(I18n.mnemonic(key));
        b.setToolTipText(I18n.tr(key + ".tip"));
        b.addActionListener(action);
    }

    private boolean isCustom(Directories.Directory d) {
        return d != null && directory.getSelectedIndex() >= Directories.all(List.of()).size();
    }

    /** "Add…": asks for {@code host[:port]}, adds it to the list and shows its servers. */
    private void askDirectory() {
        String text = JOptionPane.showInputDialog(this, I18n.tr("connect.directory.ask"),
                I18n.text("connect.title"), JOptionPane.QUESTION_MESSAGE);
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            customDirectories = ConnectLists.addDirectory(customDirectories, text);
        } catch (ConnectLists.Refused r) {
            status.setText(I18n.tr(r.key, text.strip()));
            return;
        }
        List<Directories.Directory> all = Directories.all(customDirectories);
        Directories.Directory added = all.getLast();
        directory.addItem(added);
        directory.setSelectedItem(added); // asks it for its servers
    }

    /** "Remove": only for a custom directory; the first built-in one is shown instead. */
    private void removeDirectory() {
        Directories.Directory d = selectedDirectory();
        if (!isCustom(d)) {
            return;
        }
        customDirectories = ConnectLists.without(customDirectories, d.address());
        directory.removeItem(d);
        directory.setSelectedIndex(0);
    }

    /** "Forget": takes the address in the box out of the history. */
    private void forgetAddress() {
        Object typed = address.getEditor().getItem();
        String text = typed == null ? "" : typed.toString().strip();
        history = ConnectLists.without(history, text);
        address.setModel(new DefaultComboBoxModel<>(history.toArray(String[]::new)));
        address.setSelectedItem(history.isEmpty() ? "" : history.getFirst());
    }

    /** The custom directories after this dialog's Add/Remove (the settings' {@code network.customDirectories}). */
    public List<String> customDirectories() {
        return List.copyOf(customDirectories);
    }

    /** The address history after this dialog's Forget (the settings' {@code network.recentServers}). */
    public List<String> history() {
        return List.copyOf(history);
    }

    private static void label(JComponent c, String key) {
        c.getAccessibleContext().setAccessibleName(I18n.text(key));
    }

    private static JLabel labelFor(String key, Component target) {
        JLabel l = new JLabel(I18n.text(key));
        l.setDisplayedMnemonic(I18n.mnemonic(key));
        l.setLabelFor(target);
        return l;
    }

    private void applyFilter() {
        String f = filter.getText();
        sorter.setRowFilter(new RowFilter<>() {
            @Override
            public boolean include(Entry<? extends ServerTableModel, ? extends Integer> entry) {
                return servers.row(entry.getIdentifier()).matches(f);
            }
        });
    }

    /**
     * Shows a server's musicians in the name column: indented, with their instrument, tooltip with details; and the
     * server's or musician's flag in the location column.
     */
    private static final class CellRenderer extends DefaultTableCellRenderer {
        private static final int LOCATION = 3;
        private static final int FLAG_HEIGHT_PX = 12;

        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected,
                                                                boolean focus, int row, int column) {
            setForeground(null); // the renderer is shared: a musician's grey must not stick to the next rows
            super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            ServerTableModel.Cell cell = (ServerTableModel.Cell) value;
            int modelColumn = t.convertColumnIndexToModel(column);
            setHorizontalAlignment(modelColumn == ServerTableModel.PING ? RIGHT : LEFT);
            setIcon(null);
            setToolTipText(null);
            setBorder(BorderFactory.createEmptyBorder(0, 2, 0, 2));
            if (cell.isMusician()) {
                if (!selected) {
                    setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));
                }
                if (modelColumn == 0) {
                    setBorder(BorderFactory.createEmptyBorder(0, 18, 0, 2));
                    setIcon(PictureIcons.instrument(cell.musician().instrument(), 16));
                    setToolTipText(I18n.tr("connect.musician.tip", cell.text(),
                            Instruments.name(cell.musician().instrument())));
                }
            }
            if (modelColumn == LOCATION) {
                int country = cell.isMusician() ? cell.musician().country()
                        : ((ServerTableModel) t.getModel()).row(t.convertRowIndexToModel(row)).country();
                setIcon(PictureIcons.flag(country, FLAG_HEIGHT_PX));
            }
            return this;
        }
    }

    /** Runs a change of the list and selects the same server again afterwards. */
    private void keepSelection(Runnable change) {
        int r = table.getSelectedRow();
        String selected = r >= 0 ? servers.row(table.convertRowIndexToModel(r)).address() : null;
        change.run();
        if (selected != null) {
            for (int v = 0; v < table.getRowCount(); v++) {
                int m = table.convertRowIndexToModel(v);
                if (!servers.isMusician(m) && servers.row(m).address().equals(selected)) {
                    table.getSelectionModel().setSelectionInterval(v, v);
                    break;
                }
            }
        }
    }

    /** "Show all musicians" as the user left it (the window keeps it in the settings). */
    public boolean showsAllMusicians() {
        return showAll.isSelected();
    }

    public void setShowAllMusicians(boolean show) {
        showAll.setSelected(show);
        keepSelection(() -> servers.setShowMusicians(show));
    }

    public Directories.Directory selectedDirectory() {
        return (Directories.Directory) directory.getSelectedItem();
    }

    /** A new list from the directory. */
    @Override
    public void showServers(List<ServerRow> rows) {
        keepSelection(() -> servers.setRows(rows));
        status.setText(I18n.tr("connect.count", rows.size()));
    }

    /** A ping answer (or new details) for one server. */
    @Override
    public void updateServer(ServerRow row) {
        keepSelection(() -> servers.update(row));
    }

    /** A problem with the directory (unreachable, no answer). */
    @Override
    public void showProblem(String text) {
        status.setText(text);
    }

    /** The status line's text and tooltip (its whole text). */
    public String statusText() {
        return status.getText();
    }

    public String statusToolTip() {
        return status.getToolTipText();
    }

    private void choose() {
        Object a = address.getEditor().getItem();
        String text = a == null ? "" : a.toString().strip();
        if (text.isEmpty()) {
            status.setText(I18n.tr("connect.noAddress"));
            return;
        }
        chosen = text;
        for (int i = 0; i < servers.getRowCount(); i++) {
            if (servers.row(i).address().equalsIgnoreCase(text)) {
                chosenName = servers.row(i).name();
            }
        }
        dispose();
    }

    /** Shows the dialog (modal); the address to connect to, or null when cancelled. */
    public String ask() {
        setVisible(true);
        return chosen;
    }

    /** The listed name of the chosen server, or "" when the address was typed. */
    public String chosenName() {
        return chosenName;
    }

    /** Puts {@code address} first in {@code history}, without duplicates, at most {@link #MAX_HISTORY}. */
    public static List<String> remember(List<String> history, String address) {
        ArrayList<String> next = new ArrayList<>();
        next.add(address);
        history.stream().filter(h -> !h.equalsIgnoreCase(address)).limit(MAX_HISTORY - 1).forEach(next::add);
        return next;
    }
}
