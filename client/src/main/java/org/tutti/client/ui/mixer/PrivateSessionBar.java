package org.tutti.client.ui.mixer;

import java.util.List;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.ui.I18n;

/**
 * The line above the mixer board for a private session on a public server: says whom you hear while musicians are
 * soloed (and that the others still hear you), or which musicians are picked, with "Solo together" and "End private
 * session". It renders the strips' solo state as the model decided it; the buttons go to {@link MixerActions}.
 */
final class PrivateSessionBar extends JPanel {
    private final JLabel status = new JLabel();
    /** The server's conductor's mix: whose balance we hear (hidden while we hear our own). */
    private final JLabel following = new JLabel();
    final JButton soloTogether = new JButton(I18n.text("mixer.soloTogether"));
    final JButton end = new JButton(I18n.text("mixer.endPrivate"));

    PrivateSessionBar() {
        super(new MigLayout("insets 2 6 2 6, hidemode 3", "[grow,fill][][]"));
        setName("privateSessionBar");
        status.setName("privateSessionStatus");
        soloTogether.setName("soloTogether");
        end.setName("endPrivateSession");
        soloTogether.setMnemonic(I18n.mnemonic("mixer.soloTogether"));
        end.setMnemonic(I18n.mnemonic("mixer.endPrivate"));
        soloTogether.setToolTipText(I18n.tr("mixer.soloTogether.tip"));
        end.setToolTipText(I18n.tr("mixer.endPrivate.tip"));
        following.setName("followingLine");
        following.setVisible(false);
        add(following, "span 3, wrap, wmin 0");
        add(status, "wmin 0");
        add(soloTogether);
        add(end);
    }

    /** We hear {@code name}'s mix, as the server's conductor's mix ("": our own). */
    void setFollowing(String name) {
        following.setText(name.isEmpty() ? "" : I18n.tr("mixer.following", name));
        following.setVisible(!name.isEmpty());
    }

    String followingText() {
        return following.isVisible() ? following.getText() : "";
    }

    void render(List<StripView> views, List<String> pickedNames) {
        String text = text(views, pickedNames);
        status.setText(text);
        status.setToolTipText(text.isEmpty() ? null : text);
        soloTogether.setVisible(!pickedNames.isEmpty());
        end.setVisible(views.stream().anyMatch(StripView::solo));
    }

    /** The status line as shown. */
    String statusText() {
        return status.getText();
    }

    /** Whom you hear in a private session; else the musicians picked; else how to pick them ("" alone). */
    static String text(List<StripView> views, List<String> pickedNames) {
        List<String> heard = views.stream().filter(v -> v.solo() && !v.own()).map(StripView::label).toList();
        if (!heard.isEmpty()) {
            return I18n.tr("mixer.private", String.join(", ", heard));
        }
        if (!pickedNames.isEmpty()) {
            return I18n.tr("mixer.picked", String.join(", ", pickedNames));
        }
        return views.stream().filter(v -> !v.own()).count() >= 2 ? I18n.tr("mixer.pickHint") : "";
    }
}
