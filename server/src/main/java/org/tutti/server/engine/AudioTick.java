package org.tutti.server.engine;

import java.util.function.Supplier;
import org.tutti.net.SendBatch;

/**
 * The audio half of one server tick over the connected channels: decode (and meter) every input, advance fade-ins,
 * prepare the shared sum and shared encodes, then mix, encode and send every listener's personal mix. The decode
 * and mix phases run on several cores ({@link ParallelPhases}) with {@code -T}, and without it once
 * {@link #AUTO_PARALLEL_CLIENTS} channels are connected on a machine with two or more cores; the steps between them
 * are cheap and stay on the engine thread. Every thread sends its listeners' packets as one batch at the end of its
 * range. Allocation free per tick.
 */
final class AudioTick implements AutoCloseable {
    private final int frameSamples;
    private final boolean delayPan;
    private final EngineCounters counters;
    private final SharedSums sums;
    private final SharedEncodes sharedEncodes;
    private final AudioPath[] paths;
    /** One per thread that mixes: each sends its own range of listeners (spreads loopback delivery over cores). */
    private final SendBatch[] batches;
    private final ParallelPhases phases;
    private final MetronomeChannel metronome;
    private final ConductorEncodes conductorEncodes;
    /**
     * Without {@code -T} the workers are used only from this many channels on: below it one core has room to spare
     * and a phase barrier costs more than it saves (on the 2-core test machine one thread held 100 clients with
     * 58 % of a core where the workers needed 83 %; at 150 the workers delivered more in two runs of three).
     * {@code -T} uses them from 2 channels on (as Jamulus's -T).
     */
    static final int AUTO_PARALLEL_CLIENTS = 120;
    /** {@code -Dtutti.server.autoThreads=false} keeps a server without {@code -T} on one thread at any size. */
    static final String AUTO_THREADS_PROPERTY = "tutti.server.autoThreads";
    private final int parallelFromClients;
    private final ParallelPhases.RangeTask decodeTask = this::decodeRange;
    private final ParallelPhases.RangeTask mixTask = this::mixRange;
    // The channels of the tick being processed (set at its start, read by the phase workers).
    private ClientChannel[] active;
    private int count;
    private boolean anyDefaultMix;
    private int workerFailuresSeen;

    AudioTick(ServerConfig config, EngineCounters counters, Supplier<SendBatch> newBatch, MetronomeChannel metronome) {
        this.metronome = metronome;
        this.frameSamples = config.frameSamples();
        this.delayPan = config.delayPan();
        this.counters = counters;
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        int threads = config.multithreading() || autoParallel() ? cores : 1;
        this.parallelFromClients = config.multithreading() ? 2 : AUTO_PARALLEL_CLIENTS;
        this.sums = new SharedSums(frameSamples);
        this.sharedEncodes = new SharedEncodes(frameSamples);
        this.conductorEncodes = new ConductorEncodes(frameSamples, delayPan, metronome);
        this.paths = new AudioPath[threads];
        this.batches = new SendBatch[threads];
        for (int i = 0; i < threads; i++) {
            SendBatch batch = newBatch.get();
            batches[i] = batch;
            paths[i] = new AudioPath(frameSamples, delayPan, counters,
                    (to, packet, length) -> batch.add(to.endpoint, packet, 0, length), sums, metronome);
        }
        this.phases = threads > 1 ? new ParallelPhases(threads) : null;
    }

    /** Decodes every input of this tick (levels are read from the meters afterwards). */
    void decode(ClientChannel[] channels, int n) {
        active = channels;
        count = n;
        runPhase(decodeTask);
        for (int i = 0; i < n; i++) {
            if (channels[i].control.identified) {
                channels[i].input.fadeInSamples += frameSamples;
            }
        }
        if (metronome.enabled()) {
            metronome.render(frameSamples); // its level is read with the others' before the mix
        }
    }

    /** Mixes, encodes and sends every listener's mix (after {@link #decode} of the same tick). */
    void mixAndSend() {
        boolean anyDefault = false;
        for (int i = 0; i < count; i++) {
            anyDefault |= active[i].mixControl().defaultMix && active[i].receivesAudio();
        }
        anyDefaultMix = anyDefault;
        if (anyDefault) {
            sums.prepare(active, count);
            if (metronome.enabled()) {
                sums.sum.addScaled(metronome.frame, 1f, frameSamples);
            }
        }
        for (int i = 0; i < count; i++) {
            sharedEncodes.assign(active[i], anyDefault, counters);
        }
        sharedEncodes.encodeNeeded(sums);
        conductorEncodes.prepare(active, count, counters);
        runPhase(mixTask);
        for (SendBatch b : batches) { // counted here, on the engine thread, so no increment is lost
            counters.packetsOut += b.takeSent();
            counters.sendErrors += b.takeErrors();
        }
        if (delayPan) {
            for (int i = 0; i < count; i++) {
                active[i].input.frame.rememberHistory(frameSamples);
            }
            metronome.frame.rememberHistory(frameSamples);
        }
    }

    private static boolean autoParallel() {
        return Boolean.parseBoolean(System.getProperty(AUTO_THREADS_PROPERTY, "true"));
    }

    private void runPhase(ParallelPhases.RangeTask task) {
        if (phases != null && count >= parallelFromClients) {
            phases.run(task, count);
            int failures = phases.failures();
            if (failures != workerFailuresSeen) {
                counters.internalErrors += failures - workerFailuresSeen;
                workerFailuresSeen = failures;
            }
        } else {
            task.run(0, 0, count);
        }
    }

    private void decodeRange(int worker, int from, int to) {
        for (int i = from; i < to; i++) {
            paths[worker].decode(active[i]);
        }
    }

    private void mixRange(int worker, int from, int to) {
        try {
            for (int i = from; i < to; i++) {
                ClientChannel c = active[i];
                if (c.receivesAudio()) {
                    paths[worker].mixEncodeSend(c, active, count, anyDefaultMix);
                }
            }
        } finally {
            batches[worker].flush(); // even after a bug in one listener: the others' packets are due now
        }
    }

    @Override
    public void close() {
        if (phases != null) {
            phases.close();
        }
        sharedEncodes.close();
        conductorEncodes.close();
    }
}
