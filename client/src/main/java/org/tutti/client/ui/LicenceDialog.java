package org.tutti.client.ui;

import java.awt.Window;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.ui.widgets.WrappedText;

/**
 * Shown when a server requires its conditions to be accepted (Jamulus {@code -L}); the conditions themselves are the
 * welcome message in the chat. Accept stays disabled until the box is ticked.
 */
public final class LicenceDialog extends JDialog {
    private final JCheckBox agree = new JCheckBox(I18n.text("licence.agree"));
    private final JButton accept = new JButton(I18n.text("licence.accept"));
    private final JButton decline = new JButton(I18n.text("licence.decline"));
    private boolean accepted;

    public LicenceDialog(Window owner) {
        super(owner, I18n.text("licence.title"), ModalityType.APPLICATION_MODAL);
        setName("licenceDialog");
        agree.setName("licenceAgree");
        accept.setName("licenceAccept");
        decline.setName("licenceDecline");
        agree.setMnemonic(I18n.mnemonic("licence.agree"));
        accept.setEnabled(false);
        agree.addActionListener(e -> accept.setEnabled(agree.isSelected()));
        accept.addActionListener(e -> {
            accepted = true;
            dispose();
        });
        decline.addActionListener(e -> dispose());
        getContentPane().setLayout(new MigLayout("insets dialog, wrap 1", "[fill, 360]"));
        WrappedText text = new WrappedText(I18n.tr("licence.text"), 360);
        text.setName("licenceText");
        add(text);
        add(agree);
        add(accept, "split 2, tag ok");
        add(decline, "tag cancel");
        getRootPane().setDefaultButton(accept);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog (blocking, modal) and returns whether the user accepted. */
    public boolean ask() {
        setVisible(true);
        return accepted;
    }

    public boolean accepted() {
        return accepted;
    }
}
