package org.tutti.backend.fake;

import java.util.List;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioDevice;
import org.tutti.backend.AudioRequest;

/** A deterministic backend for tests: nothing runs until the test drives cycles on its own thread. */
public class FakeBackendProvider implements AudioBackendProvider {
    public static final String NAME = "fake";
    public static final String DEVICE = "fake device";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public List<AudioDevice> devices() {
        return List.of(new AudioDevice(DEVICE, "deterministic test device", 2, 2));
    }

    @Override
    public FakeStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
        if (request.deviceName() != null && !request.deviceName().equals(DEVICE)) {
            throw new AudioBackendException("sound device '" + request.deviceName() + "' not found");
        }
        return new FakeStream(request.bufferFrames(), callback);
    }

    /** Convenience for tests that want the concrete type. */
    public static FakeStream openFake(int bufferFrames, AudioCallback callback) {
        return new FakeStream(bufferFrames, callback);
    }

}
