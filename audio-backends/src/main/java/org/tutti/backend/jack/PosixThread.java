package org.tutti.backend.jack;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Waits for a native thread to end (Linux, 64-bit). JACK leaves the process thread joinable but never joins it when
 * the thread ends itself, so joining it here is how the stream knows the thread has left libjack and the JVM.
 */
final class PosixThread {
    static final boolean AVAILABLE = register();

    private PosixThread() {
    }

    private static boolean register() {
        if (!Platform.isLinux() || Native.LONG_SIZE != 8) {
            return false;
        }
        try {
            Native.register(PosixThread.class, "c");
            return true;
        } catch (LinkageError e) {
            return false;
        }
    }

    // Direct mapping: a plain JNI call, no allocation, so the process thread may call it.
    static native long pthread_self();

    private static native int pthread_timedjoin_np(long thread, Pointer result, Pointer absoluteTimeout);

    /** True when {@code thread} ended within {@code timeoutMillis} (and is reaped). */
    static boolean join(long thread, long timeoutMillis) {
        long deadlineMillis = System.currentTimeMillis() + timeoutMillis; // CLOCK_REALTIME, as the call wants
        Memory timespec = new Memory(16);
        timespec.setLong(0, deadlineMillis / 1000);
        timespec.setLong(8, (deadlineMillis % 1000) * 1_000_000L);
        return pthread_timedjoin_np(thread, null, timespec) == 0;
    }
}
