package org.tutti.server.ui;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTextField;
import org.tutti.server.directory.KnownDirectory;
import org.tutti.server.directory.RegistrationStatus;

/**
 * The server panel's directory selector: none, one of the public genre directories, or a custom {@code host[:port]};
 * plus the registration status as the running server reports it.
 */
final class DirectoryControls {
    /** One entry of the selector; {@code address} "" for none, null for "custom" (the text field then says where). */
    record Choice(String label, String address) {
        @Override
        public String toString() {
            return label;
        }
    }

    final JComboBox<Choice> selector = new JComboBox<>();
    final JTextField custom = new JTextField(14);
    final JLabel status = new JLabel(" ");
    /** What kind of server this is and what a friend does to join it (private, listed). */
    final JLabel type = new JLabel(" ");
    private final Choice none = new Choice(ServerText.tr("server.directory.none"), "");
    private final Choice other = new Choice(ServerText.tr("server.directory.custom"), null);

    DirectoryControls(String initial) {
        selector.setName("serverDirectory");
        custom.setName("serverDirectoryCustom");
        status.setName("serverRegistration");
        type.setName("serverType");
        selector.setToolTipText(ServerText.tr("server.directory.tip"));
        custom.setToolTipText(ServerText.tr("server.directory.custom.tip"));
        custom.getAccessibleContext().setAccessibleName(ServerText.tr("server.directory.custom"));
        status.setToolTipText(ServerText.tr("server.registration.tip"));
        selector.addItem(none);
        for (KnownDirectory d : KnownDirectory.values()) {
            selector.addItem(new Choice(d.label(), d.address().toString()));
        }
        selector.addItem(other);
        select(initial);
        selector.addActionListener(e -> custom.setEnabled(selector.getSelectedItem() == other));
    }

    void select(String address) {
        String a = address == null ? "" : address.strip();
        for (int i = 0; i < selector.getItemCount(); i++) {
            Choice c = selector.getItemAt(i);
            if (c.address() != null && c.address().equalsIgnoreCase(a)) {
                selector.setSelectedIndex(i);
                custom.setText("");
                custom.setEnabled(false);
                return;
            }
        }
        KnownDirectory legacy = KnownDirectory.byHost(a.contains(":") ? a.substring(0, a.lastIndexOf(':')) : a);
        if (legacy != null) {
            select(legacy.address().toString());
            return;
        }
        selector.setSelectedItem(other);
        custom.setText(a);
        custom.setEnabled(true);
    }

    /** The chosen directory as {@code host[:port]}, "" for none. */
    String address() {
        Choice c = (Choice) selector.getSelectedItem();
        return c == null ? "" : c.address() != null ? c.address() : custom.getText().strip();
    }

    /** Shows the running server's registration state; {@code directory} is the address it registers with. */
    void showStatus(String directory, RegistrationStatus state) {
        status.setText(directory.isBlank() ? ServerText.tr("server.registration.none")
                : ServerText.tr("server.registration." + state.jsonName()));
        String kind = directory.isBlank() ? ServerText.tr("server.type.private")
                : state == RegistrationStatus.REGISTERED ? ServerText.tr("server.type.registered", listName(directory))
                : ServerText.tr("server.type.pending");
        type.setText("<html>" + kind + "</html>");
    }

    /** The list friends look in: a genre directory's name, or the custom directory's address. */
    private static String listName(String directory) {
        String host = directory.contains(":") ? directory.substring(0, directory.lastIndexOf(':')) : directory;
        KnownDirectory known = KnownDirectory.byHost(host);
        return known != null ? known.label() : directory;
    }

    /** The server-type line as shown (for tests). */
    String typeText() {
        return type.getText().replaceAll("<[^>]*>", "");
    }
}
