package org.tutti.server.engine;

/**
 * Engine health counters, read by any thread (JSON-RPC {@code jamulusserver/getCounters}). Written by the engine
 * thread with plain volatile writes (no locks on the audio path). With {@code -T} the decode and mix workers also
 * count decode errors, concealed frames and sent packets; concurrent increments can then be lost, so those
 * counters are approximate under {@code -T}.
 */
public final class EngineCounters {
    volatile long ticks;
    volatile long missedDeadlines;
    volatile long maxTickNanos;
    volatile long packetsIn;
    volatile long packetsOut;
    volatile long audioPacketsIn;
    volatile long wrongSizeAudio;
    volatile long decodeErrors;
    volatile long jitterUnderruns;
    volatile long jitterOverruns;
    volatile long protocolMessagesIn;
    volatile long malformedMessages;
    volatile long clmAnswersDropped;
    volatile long garbageDatagrams;
    volatile long sendErrors;
    volatile long sharedEncodeListenerTicks;
    volatile long internalErrors;
    volatile long engineRestarts;
    volatile long controlMessagesDropped;
    volatile long kickedDatagramsDropped;
    volatile long bannedDatagramsDropped;
    volatile long lobbyGuessesWrong;
    volatile long lobbyLockouts;
    volatile long lobbyChatDropped;
    volatile long lobbyAdmissions;
    volatile long conductorEncodeListenerTicks;

    /** A consistent-enough copy for reporting. */
    public Snapshot snapshot() {
        return new Snapshot(ticks, missedDeadlines, maxTickNanos, packetsIn, packetsOut, audioPacketsIn,
                wrongSizeAudio, decodeErrors, jitterUnderruns, jitterOverruns, protocolMessagesIn, malformedMessages,
                clmAnswersDropped, garbageDatagrams, sendErrors, sharedEncodeListenerTicks, internalErrors, engineRestarts,
                controlMessagesDropped, kickedDatagramsDropped, bannedDatagramsDropped, lobbyGuessesWrong,
                lobbyLockouts, lobbyChatDropped, lobbyAdmissions, conductorEncodeListenerTicks);
    }

    /**
     * Counter values at one moment; names are the JSON field names. {@code sharedEncodeListenerTicks} counts
     * listener-ticks served from a shared encode instead of their own mix and encode;
     * {@code internalErrors} counts datagrams whose handling threw (a bug; the datagram is dropped, the server goes on);
     * {@code engineRestarts} counts failures that escaped the engine's duty cycle (see {@link EngineSupervisor});
     * {@code controlMessagesDropped} counts protocol messages not queued for a client that had 1,024 still unACKed;
     * {@code kickedDatagramsDropped} counts datagrams ignored from a sender kicked less than a minute ago, and
     * {@code bannedDatagramsDropped} those from a banned address; {@code lobbyGuessesWrong} counts wrong password
     * lines in the lobby, {@code lobbyLockouts} the addresses locked out after too many, {@code lobbyChatDropped}
     * the lobby lines ignored from a locked-out address, {@code lobbyAdmissions} the connections let in;
     * {@code conductorEncodeListenerTicks} counts listener-ticks of followers served from the conductor's shared
     * encode (see {@link ConductorEncodes}).
     */
    public record Snapshot(long ticks, long missedDeadlines, long maxTickNanos, long packetsIn, long packetsOut,
                           long audioPacketsIn, long wrongSizeAudio, long decodeErrors, long jitterUnderruns,
                           long jitterOverruns, long protocolMessagesIn, long malformedMessages,
                           long clmAnswersDropped, long garbageDatagrams, long sendErrors,
                           long sharedEncodeListenerTicks, long internalErrors, long engineRestarts,
                           long controlMessagesDropped, long kickedDatagramsDropped, long bannedDatagramsDropped,
                           long lobbyGuessesWrong, long lobbyLockouts, long lobbyChatDropped, long lobbyAdmissions,
                           long conductorEncodeListenerTicks) {
    }
}
