package org.tutti.backend.portaudio;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of PortAudio's C API (portaudio.h, v19) that Tutti uses, mapped with JNA. Struct layouts follow the
 * header; {@code unsigned long} is a {@link NativeLong} so the same mapping works on 64-bit Windows (32 bits) and
 * Unix (64 bits).
 */
interface PortAudioLibrary extends Library {
    int paNoError = 0;
    int paInvalidSampleRate = -9997;
    int paNoDevice = -1;
    long paFloat32 = 0x00000001L;
    long paClipOff = 0x00000001L;
    long paDitherOff = 0x00000002L;
    int paContinue = 0;

    int Pa_Initialize();

    int Pa_Terminate();

    String Pa_GetErrorText(int errorCode);

    String Pa_GetVersionText();

    int Pa_GetHostApiCount();

    Pointer Pa_GetHostApiInfo(int hostApi);

    int Pa_GetDeviceCount();

    Pointer Pa_GetDeviceInfo(int device);

    int Pa_IsFormatSupported(StreamParameters input, StreamParameters output, double sampleRate);

    int Pa_OpenStream(PointerByReference stream, StreamParameters input, StreamParameters output, double sampleRate,
                      NativeLong framesPerBuffer, NativeLong streamFlags, Callback callback, Pointer userData);

    int Pa_StartStream(Pointer stream);

    int Pa_StopStream(Pointer stream);

    int Pa_AbortStream(Pointer stream);

    int Pa_CloseStream(Pointer stream);

    int Pa_IsStreamActive(Pointer stream);

    Pointer Pa_GetStreamInfo(Pointer stream);

    /**
     * The audio callback on 64-bit Unix (LP64: pointers and {@code unsigned long} are 64 bits). Arguments are raw
     * numbers rather than Pointer/NativeLong so that JNA does not allocate wrapper objects on every cycle.
     */
    interface StreamCallback extends Callback {
        int invoke(long input, long output, long frameCount, long timeInfo, long statusFlags, long userData);
    }

    /** The audio callback on 64-bit Windows (LLP64: {@code unsigned long} is 32 bits). */
    interface StreamCallbackLlp64 extends Callback {
        int invoke(long input, long output, int frameCount, long timeInfo, int statusFlags, long userData);
    }

    @Structure.FieldOrder({"structVersion", "type", "name", "deviceCount", "defaultInputDevice", "defaultOutputDevice"})
    final class HostApiInfo extends Structure {
        public int structVersion;
        public int type;
        public String name;
        public int deviceCount;
        public int defaultInputDevice;
        public int defaultOutputDevice;

        HostApiInfo(Pointer p) {
            super(p);
            read();
        }
    }

    @Structure.FieldOrder({"structVersion", "name", "hostApi", "maxInputChannels", "maxOutputChannels",
            "defaultLowInputLatency", "defaultLowOutputLatency", "defaultHighInputLatency", "defaultHighOutputLatency",
            "defaultSampleRate"})
    final class DeviceInfo extends Structure {
        public int structVersion;
        public String name;
        public int hostApi;
        public int maxInputChannels;
        public int maxOutputChannels;
        public double defaultLowInputLatency;
        public double defaultLowOutputLatency;
        public double defaultHighInputLatency;
        public double defaultHighOutputLatency;
        public double defaultSampleRate;

        DeviceInfo(Pointer p) {
            super(p);
            read();
        }
    }

    @Structure.FieldOrder({"device", "channelCount", "sampleFormat", "suggestedLatency", "hostApiSpecificStreamInfo"})
    final class StreamParameters extends Structure {
        public int device;
        public int channelCount;
        public NativeLong sampleFormat;
        public double suggestedLatency;
        public Pointer hostApiSpecificStreamInfo;

        StreamParameters(int device, int channelCount, double suggestedLatency, Pointer hostApiSpecific) {
            this.device = device;
            this.channelCount = channelCount;
            this.sampleFormat = new NativeLong(paFloat32);
            this.suggestedLatency = suggestedLatency;
            this.hostApiSpecificStreamInfo = hostApiSpecific;
        }
    }

    @Structure.FieldOrder({"structVersion", "inputLatency", "outputLatency", "sampleRate"})
    final class StreamInfo extends Structure {
        public int structVersion;
        public double inputLatency;
        public double outputLatency;
        public double sampleRate;

        StreamInfo(Pointer p) {
            super(p);
            read();
        }
    }
}
