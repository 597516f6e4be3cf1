package org.tutti.server.ui;

import java.util.List;
import java.util.Objects;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;

/**
 * The server panel's conductor chooser: "Nobody" or one of the connected musicians, whose personal mix every other
 * musician then hears (they can keep their own with /ownmix in the chat). It renders the musicians and the conductor
 * the running server reports ({@link #show}) and hands the user's choice to a {@link Sink}.
 */
public final class ConductorControls {
    /** Receives the user's choice (on the EDT): a channel ID, or -1 for nobody. */
    public interface Sink {
        void conductorChosen(int channelId);
    }

    /** One entry: a musician's channel ID (-1: nobody) and what the list shows. */
    public record Choice(int channelId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    final JComboBox<Choice> chooser = new JComboBox<>();
    private Sink sink = id -> { };
    private boolean rendering;

    public ConductorControls() {
        chooser.setName("serverConductor");
        chooser.setToolTipText(ServerText.tr("server.conductor.tip"));
        chooser.getAccessibleContext().setAccessibleName(ServerText.text("server.conductor"));
        show(List.of(), -1);
        chooser.addActionListener(e -> {
            Choice c = (Choice) chooser.getSelectedItem();
            if (!rendering && c != null) {
                sink.conductorChosen(c.channelId());
            }
        });
    }

    public void onChange(Sink s) {
        this.sink = s;
    }

    /** Shows {@code musicians} (channel ID and name) and the current conductor (-1: nobody); call on the EDT. */
    public void show(List<Choice> musicians, int conductorId) {
        rendering = true;
        try {
            DefaultComboBoxModel<Choice> model = new DefaultComboBoxModel<>();
            model.addElement(new Choice(-1, ServerText.tr("server.conductor.nobody")));
            Choice selected = model.getElementAt(0);
            for (Choice m : musicians) {
                Choice shown = new Choice(m.channelId(), m.label().isBlank() ? "#" + m.channelId() : m.label());
                model.addElement(shown);
                if (m.channelId() == conductorId) {
                    selected = shown;
                }
            }
            if (!sameEntries(model)) {
                chooser.setModel(model);
            }
            if (!Objects.equals(chooser.getSelectedItem(), selected)) {
                chooser.setSelectedItem(selected);
            }
        } finally {
            rendering = false;
        }
    }

    /** Keeps the open list steady while the user looks at it: replaced only when an entry changed. */
    private boolean sameEntries(DefaultComboBoxModel<Choice> next) {
        if (chooser.getItemCount() != next.getSize()) {
            return false;
        }
        for (int i = 0; i < next.getSize(); i++) {
            if (!chooser.getItemAt(i).equals(next.getElementAt(i))) {
                return false;
            }
        }
        return true;
    }
}
