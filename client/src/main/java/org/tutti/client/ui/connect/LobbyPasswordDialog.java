package org.tutti.client.ui.connect;

import java.awt.Window;
import java.util.function.BiConsumer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.widgets.WrappedText;

/**
 * Asked once when a private server's lobby greets the client and no password is stored for it (or the one sent was
 * wrong): says what is happening, takes the session password, and offers to remember it for this server. Cancel
 * leaves the musician in the lobby with the chat open, where the password can still be typed.
 */
public final class LobbyPasswordDialog extends JDialog {
    private final JPasswordField password = new JPasswordField(20);
    private final JCheckBox remember = new JCheckBox(I18n.text("lobby.remember"), true);
    private final JButton join = new JButton(I18n.text("lobby.join"));
    private final JButton cancel = new JButton(I18n.text("lobby.cancel"));
    private boolean accepted;

    public LobbyPasswordDialog(Window owner, String serverAddress, boolean wrong) {
        super(owner, I18n.tr("lobby.title", serverAddress), ModalityType.APPLICATION_MODAL);
        setName("lobbyPasswordDialog");
        password.setName("lobbyPassword");
        remember.setName("lobbyRemember");
        join.setName("lobbyJoin");
        cancel.setName("lobbyCancel");
        remember.setMnemonic(I18n.mnemonic("lobby.remember"));
        remember.setToolTipText(I18n.tr("lobby.remember.tip"));
        password.getAccessibleContext().setAccessibleName(I18n.text("lobby.password"));
        password.setToolTipText(I18n.tr("lobby.password.tip"));
        join.addActionListener(e -> {
            accepted = password.getPassword().length > 0;
            dispose();
        });
        cancel.addActionListener(e -> dispose());
        getContentPane().setLayout(new MigLayout("insets dialog, wrap 1", "[fill, 360]"));
        WrappedText text = new WrappedText(I18n.tr(wrong ? "lobby.wrong" : "lobby.text"), 360);
        text.setName("lobbyText");
        add(text);
        JLabel label = new JLabel(I18n.text("lobby.password"));
        label.setDisplayedMnemonic(I18n.mnemonic("lobby.password"));
        label.setLabelFor(password);
        add(label, "split 2, grow 0");
        add(password, "growx");
        add(remember);
        add(join, "split 2, tag ok");
        add(cancel, "tag cancel");
        getRootPane().setDefaultButton(join);
        pack();
        setLocationRelativeTo(owner);
    }

    /**
     * Asks (blocking, modal) and hands the password and the "remember" choice to {@code answer}; false when the
     * musician cancelled.
     */
    public static boolean ask(Window owner, String serverAddress, boolean wrong, BiConsumer<String, Boolean> answer) {
        LobbyPasswordDialog d = new LobbyPasswordDialog(owner, serverAddress, wrong);
        if (!d.ask()) {
            return false;
        }
        answer.accept(d.password(), d.remember());
        return true;
    }

    /** Shows the dialog (blocking, modal); true when a password was entered and confirmed. */
    public boolean ask() {
        setVisible(true);
        return accepted;
    }

    /** The password typed (only after {@link #ask} returned true). */
    public String password() {
        return new String(password.getPassword());
    }

    public boolean remember() {
        return remember.isSelected();
    }
}
