package org.tutti.client.ui.mixer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;
import org.tutti.client.ui.I18n;

/**
 * The mixer board: one {@link ChannelStrip} per musician, sorted, spread over one or more rows. Strips are reused
 * across updates so a fader being dragged is not replaced under the mouse.
 */
public final class MixerBoard extends JPanel {
    private final MixerActions actions;
    private final Map<Integer, ChannelStrip> strips = new HashMap<>();
    private boolean showChannelIds;
    private final JLabel empty = new JLabel(I18n.tr("mixer.empty"), SwingConstants.CENTER);
    private List<Integer> shownOrder = List.of();
    private MixerSort sort = MixerSort.CHANNEL;
    private boolean ownFirst = true;
    private int rows = 1;
    private boolean panVisible = true;
    private List<StripView> last = List.of();
    /** Musicians picked for a private session, in the order picked (view state: the model decides only on "Solo together"). */
    private final Set<Integer> picked = new LinkedHashSet<>();
    private final PrivateSessionBar privateSession = new PrivateSessionBar();

    public MixerBoard(MixerActions actions) {
        super(new MigLayout("insets 4, gap 4"));
        this.actions = actions;
        setName("mixerBoard");
        getAccessibleContext().setAccessibleName(I18n.tr("mixer.a11y"));
        empty.setName("mixerEmpty");
        add(empty, "push, grow");
        privateSession.soloTogether.addActionListener(e -> {
            Set<Integer> group = Set.copyOf(picked);
            picked.clear();
            actions.soloGroup(group);
            render(last);
        });
        privateSession.end.addActionListener(e -> actions.soloGroup(Set.of()));
    }

    /** The private-session line, shown above the board (outside its scroll pane). */
    public JComponent privateSessionBar() {
        return privateSession;
    }

    /** The private-session line's text as shown. */
    /** The server's conductor's mix: we hear {@code name}'s balance ("" = our own). */
    public void setFollowing(String name) {
        privateSession.setFollowing(name);
    }

    public String followingText() {
        return privateSession.followingText();
    }

    public String privateSessionText() {
        return privateSession.statusText();
    }

    private void togglePick(int channelId) {
        if (!picked.remove(channelId)) {
            picked.add(channelId);
        }
        render(last);
    }

    public void setSort(MixerSort sort, boolean ownFirst) {
        this.sort = sort;
        this.ownFirst = ownFirst;
        render(last);
    }

    /** Number of strip rows (1..8), for big sessions. */
    public void setRows(int rows) {
        this.rows = Math.max(1, Math.min(8, rows));
        shownOrder = List.of();
        render(last);
    }

    /**
     * With MIDI control on, each strip's name starts with its channel ID ("3: Alice"), as Jamulus shows it: controller
     * {@code first + N} moves the strip of channel N.
     */
    public void setShowChannelIds(boolean show) {
        if (show != showChannelIds) {
            showChannelIds = show;
            strips.values().forEach(s -> s.showChannelId(show));
        }
    }

    public void setPanVisible(boolean visible) {
        this.panVisible = visible;
        render(last);
    }

    /** Redraws every strip from the last views (after a theme change: skill colours depend on the theme). */
    public void restyle() {
        render(last);
    }

    public MixerSort sort() {
        return sort;
    }

    public boolean ownFirst() {
        return ownFirst;
    }

    public int rows() {
        return rows;
    }

    /** Shows these strips (any order); must run on the EDT. */
    public void render(List<StripView> views) {
        last = List.copyOf(views);
        List<StripView> sorted = new ArrayList<>(views);
        sorted.sort(sort.comparator(ownFirst));
        List<Integer> order = sorted.stream().map(StripView::channelId).toList();
        strips.keySet().retainAll(order);
        for (StripView v : sorted) {
            ChannelStrip s = strips.get(v.channelId());
            if (s == null) {
                s = new ChannelStrip(v, actions);
                s.showChannelId(showChannelIds);
                s.onPick(this::togglePick);
                strips.put(v.channelId(), s);
            } else {
                s.render(v, panVisible);
            }
            strips.get(v.channelId()).render(v, panVisible);
        }
        picked.retainAll(sorted.stream().filter(v -> !v.own()).map(StripView::channelId).toList());
        List<String> pickedNames = new ArrayList<>();
        for (StripView v : sorted) {
            strips.get(v.channelId()).setPicked(picked.contains(v.channelId()));
        }
        for (int id : picked) {
            pickedNames.add(strips.get(id).view().label());
        }
        privateSession.render(last, pickedNames);
        if (!order.equals(shownOrder)) {
            relayout(order);
        }
    }

    private void relayout(List<Integer> order) {
        shownOrder = order;
        removeAll();
        if (order.isEmpty()) {
            setLayout(new MigLayout("insets 4"));
            add(empty, "push, grow");
        } else {
            int perRow = (order.size() + rows - 1) / rows;
            setLayout(new MigLayout("insets 4, gap 4, wrap " + perRow));
            for (int id : order) {
                add(strips.get(id), "top");
            }
        }
        revalidate();
        repaint();
    }

    /** The strip of {@code channelId}, or null (for tests and keyboard focus). */
    public ChannelStrip strip(int channelId) {
        return strips.get(channelId);
    }

    /** Channel IDs in the order shown. */
    public List<Integer> shownOrder() {
        return shownOrder;
    }
}
