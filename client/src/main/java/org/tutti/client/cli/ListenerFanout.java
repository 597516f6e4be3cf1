package org.tutti.client.cli;

import java.nio.file.Path;
import java.util.List;
import org.tutti.client.engine.ClientListener;
import org.tutti.client.model.MixerChannel;
import org.tutti.protocol.LicenceType;
import org.tutti.protocol.RecorderState;

/** Passes every engine event to several listeners in order. */
public final class ListenerFanout implements ClientListener {
    private final List<ClientListener> targets;

    public ListenerFanout(List<ClientListener> targets) {
        this.targets = List.copyOf(targets);
    }

    @Override
    public void connected(int channelId) {
        targets.forEach(t -> t.connected(channelId));
    }

    @Override
    public void disconnected(String reason) {
        targets.forEach(t -> t.disconnected(reason));
    }

    @Override
    public void clientListChanged(List<MixerChannel> channels) {
        targets.forEach(t -> t.clientListChanged(channels));
    }

    @Override
    public void levelsChanged(int[] levels) {
        targets.forEach(t -> t.levelsChanged(levels));
    }

    @Override
    public void chatReceived(String html) {
        targets.forEach(t -> t.chatReceived(html));
    }

    @Override
    public void licenceRequired(LicenceType licence) {
        targets.forEach(t -> t.licenceRequired(licence));
    }

    @Override
    public void recorderStateChanged(RecorderState state) {
        targets.forEach(t -> t.recorderStateChanged(state));
    }

    @Override
    public void mutedByOtherChanged(int channelId, boolean muted) {
        targets.forEach(t -> t.mutedByOtherChanged(channelId, muted));
    }

    @Override
    public void serverJitterBufferChanged(int blocks) {
        targets.forEach(t -> t.serverJitterBufferChanged(blocks));
    }

    @Override
    public void pingMeasured(int roundTripMs) {
        targets.forEach(t -> t.pingMeasured(roundTripMs));
    }

    @Override
    public void serverVersion(String version) {
        targets.forEach(t -> t.serverVersion(version));
    }

    @Override
    public void homeRecordingFailed(Path take, String reason) {
        targets.forEach(t -> t.homeRecordingFailed(take, reason));
    }

    @Override
    public void feedbackDetected() {
        targets.forEach(ClientListener::feedbackDetected);
    }
}
