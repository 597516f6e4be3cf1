package org.tutti.client.ui.mixer;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.tutti.client.model.ChannelProfile;
import org.tutti.client.model.GainSink;
import org.tutti.client.model.MixerModel;
import org.tutti.client.session.ClientWindowEvents;
import org.tutti.client.session.EngineSession;

/**
 * Mixer actions against a {@link MixerModel} confined to the EDT: user actions go into the model, the model's changed
 * gains go to the {@link GainSink}, and the view gets a fresh snapshot. Used where no engine owns the model (offline
 * window, tests of the board alone); with an engine, {@link EngineSession} does the same on the engine's thread.
 */
public final class MixerPresenter implements MixerActions {
    private final MixerModel model;
    private final GainSink sink;
    private Consumer<List<StripView>> view = v -> { };

    public MixerPresenter(MixerModel model, GainSink sink) {
        this.model = model;
        this.sink = sink;
    }

    /** Where snapshots go (the window's {@link ClientWindowEvents#strips}). */
    public void attach(Consumer<List<StripView>> view) {
        this.view = view;
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

    @Override
    public void soloGroup(Set<Integer> channelIds) {
        model.soloGroup(channelIds);
        changed();
    }

    @Override
    public void edit(Consumer<MixerModel> change) {
        change.accept(model);
        changed();
    }

    private void changed() {
        model.publish(sink);
        redraw();
    }

    private void redraw() {
        int own = model.ownChannelId();
        view.accept(model.channels().stream().map(ch -> StripView.of(ch, own)).toList());
    }
}
