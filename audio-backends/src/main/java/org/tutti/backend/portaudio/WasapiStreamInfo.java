package org.tutti.backend.portaudio;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * PaWasapiStreamInfo (pa_win_wasapi.h, v19.6) asking for exclusive mode, which bypasses the Windows mixer and its
 * buffering. Only passed to WASAPI devices; if the device refuses, the stream opens in shared mode.
 */
@Structure.FieldOrder({"size", "hostApiType", "version", "flags", "channelMask", "hostProcessorOutput",
        "hostProcessorInput", "threadPriority", "streamCategory", "streamOption"})
final class WasapiStreamInfo extends Structure {
    private static final int EXCLUSIVE = 1;
    private static final int THREAD_PRIORITY = 1 << 4;
    private static final int PRIORITY_PRO_AUDIO = 6; // eThreadPriorityProAudio

    public NativeLong size;
    public int hostApiType = HostApiPreference.WASAPI;
    public NativeLong version = new NativeLong(1);
    public NativeLong flags = new NativeLong(EXCLUSIVE | THREAD_PRIORITY);
    public NativeLong channelMask = new NativeLong(0);
    public Pointer hostProcessorOutput;
    public Pointer hostProcessorInput;
    public int threadPriority = PRIORITY_PRO_AUDIO;
    public int streamCategory;
    public int streamOption;

    WasapiStreamInfo() {
        size = new NativeLong(size());
        write();
    }
}
