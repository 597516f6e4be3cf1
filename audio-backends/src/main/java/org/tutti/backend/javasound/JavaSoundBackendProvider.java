package org.tutti.backend.javasound;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.tutti.backend.AudioBackendException;
import org.tutti.backend.AudioBackendProvider;
import org.tutti.backend.AudioCallback;
import org.tutti.backend.AudioDevice;
import org.tutti.backend.AudioRequest;
import org.tutti.backend.AudioStream;

/**
 * Java Sound: 48 kHz, 16-bit, stereo lines on a mixer. The device name is the mixer name; null means the first mixer
 * that offers a 48 kHz playback line. Capture is optional: a mixer without a capture line plays with silent input.
 */
public final class JavaSoundBackendProvider implements AudioBackendProvider {
    public static final String NAME = "javasound";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return devices().isEmpty() ? "no sound device offers 48 kHz 16-bit stereo playback" : "";
    }

    @Override
    public List<AudioDevice> devices() {
        List<AudioDevice> list = new ArrayList<>();
        for (Mixer.Info info : mixers()) {
            Mixer mixer = AudioSystem.getMixer(info);
            boolean out = mixer.isLineSupported(new DataLine.Info(SourceDataLine.class, JavaSoundStream.FORMAT));
            boolean in = mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, JavaSoundStream.FORMAT));
            if (out) {
                list.add(new AudioDevice(info.getName(), info.getDescription(), in ? 2 : 0, 2));
            }
        }
        return list;
    }

    @Override
    public AudioStream open(AudioRequest request, AudioCallback callback) throws AudioBackendException {
        Mixer.Info chosen = null;
        for (Mixer.Info info : mixers()) {
            if (request.deviceName() == null ? supportsPlayback(info) : info.getName().equals(request.deviceName())) {
                chosen = info;
                break;
            }
        }
        if (chosen == null) {
            throw new AudioBackendException(request.deviceName() == null
                    ? "no sound device found that plays 48 kHz 16-bit stereo"
                    : "sound device '" + request.deviceName() + "' not found");
        }
        if (request.sampleRate() != (int) JavaSoundStream.FORMAT.getSampleRate()) {
            throw new AudioBackendException("Tutti needs 48000 Hz, not " + request.sampleRate() + " Hz");
        }
        return JavaSoundStream.open(AudioSystem.getMixer(chosen), request, callback);
    }

    private static Mixer.Info[] mixers() {
        try {
            return AudioSystem.getMixerInfo();
        } catch (RuntimeException | LinkageError e) {
            return new Mixer.Info[0];
        }
    }

    private static boolean supportsPlayback(Mixer.Info info) {
        return AudioSystem.getMixer(info)
                .isLineSupported(new DataLine.Info(SourceDataLine.class, JavaSoundStream.FORMAT));
    }
}
