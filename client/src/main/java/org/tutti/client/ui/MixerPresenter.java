package org.tutti.client.ui;

import java.util.List;
import org.tutti.client.model.ChannelProfile;
import org.tutti.client.model.GainSink;
import org.tutti.client.model.MixerModel;

/**
 * Connects the {@link MixerBoard} to a {@link MixerModel} confined to the EDT: user actions go into the model, the
 * model's changed gains go to the {@link GainSink} (the engine, which sends them to the server), and the board is
 * redrawn from a fresh snapshot. Engine events (client list, levels, mute state) must arrive on the EDT, e.g. via
 * {@code SwingUtilities.invokeLater}.
 */
public final class MixerPresenter implements MixerActions {
    private final MixerModel model;
    private final GainSink sink;
    private final MixerBoard board;

    public MixerPresenter(MixerModel model, GainSink sink) {
        this.model = model;
        this.sink = sink;
        this.board = new MixerBoard(this);
    }

    public MixerBoard board() {
        return board;
    }

    public MixerModel model() {
        return model;
    }

    /** CONN_CLIENTS_LIST arrived. */
    public void channels(List<ChannelProfile> list) {
        model.updateChannels(list);
        changed();
    }

    /** CLIENT_ID arrived: our own channel. */
    public void ownChannel(int channelId, boolean muteMyOwn) {
        model.setOwnChannel(channelId, muteMyOwn);
        changed();
    }

    /** Level list from the server, in client-list order. */
    public void levels(int[] levels, int count) {
        model.setLevels(levels, count);
        redraw();
    }

    public void mutedByOther(int channelId, boolean muted) {
        model.setMutedByOther(channelId, muted);
        redraw();
    }

    /** Disconnected: strips go, their settings stay remembered by name. */
    public void clear() {
        model.clear();
        redraw();
    }

    @Override
    public void fader(int channelId, int fader) {
        model.setFader(channelId, fader);
        changed();
    }

    @Override
    public void pan(int channelId, int pan) {
        model.setPan(channelId, pan);
        changed();
    }

    @Override
    public void mute(int channelId, boolean mute) {
        model.setMute(channelId, mute);
        changed();
    }

    @Override
    public void solo(int channelId, boolean solo) {
        model.setSolo(channelId, solo);
        changed();
    }

    @Override
    public void group(int channelId, int group) {
        model.setGroup(channelId, group);
        changed();
    }

    private void changed() {
        model.publish(sink);
        redraw();
    }

    private void redraw() {
        int own = model.ownChannelId();
        board.render(model.channels().stream().map(ch -> StripView.of(ch, own)).toList());
    }
}
