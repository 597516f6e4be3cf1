package org.tutti.client.ui.chat;

import java.awt.Desktop;
import java.awt.Frame;
import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JEditorPane;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.event.HyperlinkEvent;
import javax.swing.text.BadLocationException;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.widgets.LimitedDocument;
import org.tutti.client.ui.widgets.OnScreen;

/**
 * The chat: history (sanitised HTML, links open in the browser), an input line and Send. Messages longer than
 * Jamulus's 1600 characters are refused by the field.
 */
public final class ChatWindow extends JDialog {
    public static final int MAX_MESSAGE_CHARS = 1600;

    private final JEditorPane history = new JEditorPane();
    private final JTextField input = new JTextField();
    private final JButton send = new JButton();
    private final JButton clear = new JButton();
    private final HTMLEditorKit kit = new HTMLEditorKit();

    public ChatWindow(Frame owner, Consumer<String> sender) {
        super(owner, I18n.text("chat.title"), false);
        setName("chatWindow");
        history.setName("chatHistory");
        input.setName("chatInput");
        send.setName("chatSend");
        history.setEditorKit(kit);
        history.setEditable(false);
        history.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        history.setText("<html><body></body></html>");
        history.getAccessibleContext().setAccessibleName(I18n.tr("chat.history.a11y"));
        history.addHyperlinkListener(e -> {
            if (e.getEventType() == HyperlinkEvent.EventType.ACTIVATED && e.getDescription() != null
                    && ChatHtml.safeLink(e.getDescription())) {
                open(e.getDescription());
            }
        });
        input.getAccessibleContext().setAccessibleName(I18n.tr("chat.input.a11y"));
        input.setToolTipText(I18n.tr("chat.input.tip"));
        input.setDocument(new LimitedDocument(MAX_MESSAGE_CHARS));
        send.setText(I18n.text("chat.send"));
        send.setMnemonic(I18n.mnemonic("chat.send"));
        clear.setText(I18n.text("chat.clear"));
        clear.setMnemonic(I18n.mnemonic("chat.clear"));
        clear.setName("chatClear");
        Runnable doSend = () -> {
            String text = input.getText().strip();
            if (!text.isEmpty()) {
                sender.accept(text);
                input.setText("");
            }
        };
        send.addActionListener(e -> doSend.run());
        input.addActionListener(e -> doSend.run());
        clear.addActionListener(e -> history.setText("<html><body></body></html>"));

        getContentPane().setLayout(new MigLayout("insets dialog, fill", "[grow,fill][][]", "[grow,fill][]"));
        add(new JScrollPane(history), "span 3, wrap, w 420:480, h 240:320");
        add(input);
        add(send);
        add(clear);
        getRootPane().setDefaultButton(send);
        pack();
        OnScreen.limit(this);
    }

    /** Adds a message (HTML from the server: sanitised here). */
    public void addMessage(String html) {
        appendHtml("<div>" + ChatHtml.sanitize(html) + "</div>");
    }

    /** Shows the server's welcome message, marked as such. */
    public void addWelcome(String html) {
        appendHtml("<div><b>" + ChatHtml.escape(I18n.text("chat.welcome")) + "</b> " + ChatHtml.sanitize(html)
                + "</div>");
    }

    private void appendHtml(String html) {
        HTMLDocument doc = (HTMLDocument) history.getDocument();
        try {
            kit.insertHTML(doc, doc.getLength(), html, 0, 0, null);
        } catch (BadLocationException | IOException e) {
            throw new IllegalStateException("chat history rejected sanitised HTML", e);
        }
        history.setCaretPosition(doc.getLength());
    }

    /** The text of the history as a user sees it (for tests and screen readers). */
    public String historyText() {
        try {
            return history.getDocument().getText(0, history.getDocument().getLength());
        } catch (BadLocationException e) {
            return "";
        }
    }

    public String historyHtml() {
        return history.getText();
    }

    private static void open(String url) {
        // Desktop.browse can block; keep it off the EDT.
        Thread.ofVirtual().start(() -> {
            try {
                if (Desktop.isDesktopSupported()) {
                    Desktop.getDesktop().browse(URI.create(url));
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("tutti: cannot open " + url + ": " + e.getMessage());
            }
        });
    }
}
