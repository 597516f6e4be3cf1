package org.tutti.client.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.client.fidelity.FidelityRig.Path4;
import org.tutti.client.fidelity.FidelityRig.Result;
import org.tutti.client.fidelity.FidelityRig.SetUp;
import org.tutti.interop.Peers;

/**
 * What a real Jamulus 3.9.1 client hears through Tutti, against what it hears through Jamulus, recorded at the same
 * time (docs/fidelity.md): for each stream set-up, a real player's tone through the real Jamulus server and through
 * Tutti's server, and Tutti's client as the player through each. Tutti must be no worse than Jamulus on the path it
 * replaces: SNR within {@value #SNR_MARGIN_DB} dB, at most {@value #DROPOUT_MARGIN} dropout window more, and at most
 * {@value #GLITCH_MARGIN} more glitchy 50-ms blocks.
 *
 * <p>The SNR margin is per recording. One recording's median moves between recordings of the same path (the encoder's
 * state depends on where the tone starts within a frame: 37.50-37.96 dB for six start phases of one tone in a
 * codec-only run); in five runs the single-recording differences of the comparisons ranged from -0.64 to +0.54 dB, so
 * a 0.3-dB margin would fail one comparison in a few by chance. 1 dB still catches every loss issue 16 found
 * (1.9-2.4 dB); the 0.3-dB criterion is judged on the means of five runs in docs/fidelity.md. The glitch margin: the
 * paths share the machine and both dummy jackds, but each runs in its own processes, and one scheduling hiccup of one
 * process (a server's tick or a client's cycle late by a few ms on this 2-core machine) spoils one or two blocks of
 * that path alone; in the same five runs a Tutti path had from 3 fewer to 3 more glitchy blocks than its reference.
 * A comparison that fails is recorded again, up to {@value #RECORDINGS} times, and fails only if it fails in every
 * recording: such a disturbance degrades one recording, often the reference path's (Jamulus's own path once fell to
 * 0.56 dB, and a 64-sample path's glitch count swings by about 10 between recordings), while a loss in Tutti is there
 * in every one.
 *
 * <p>{@code -Dtutti.fidelity.runs=N} repeats each set-up N times (the figures in the docs use 5), and
 * {@code -Dtutti.fidelity.setups=A,B} picks set-ups; every path's line is appended to {@code target/fidelity.txt}.
 */
// Each set-up records several paths for tutti.fidelity.runs runs: minutes, not the default limit.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class FidelityIT {
    static final double SNR_MARGIN_DB = 1.0;
    static final int DROPOUT_MARGIN = 1;
    static final int GLITCH_MARGIN = 4;
    /** Recordings of one comparison before its failure counts (see {@link #judged}). */
    static final int RECORDINGS = 3;
    private static final Duration WARM_UP = Duration.ofSeconds(6);
    private static final Duration RECORDED = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void aRealClientHearsTuttiAtLeastAsCleanlyAsJamulus(SetUp setUp) throws IOException {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_TOOLS, Peers.JACK_REC);
        String only = System.getProperty("tutti.fidelity.setups", "");
        Assumptions.assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(setUp.name()),
                "set-up not selected by -Dtutti.fidelity.setups");
        int runs = Integer.getInteger("tutti.fidelity.runs", 1);
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // Each comparison is recorded at the same time as its reference. At 128 samples all four paths run
            // together; at 64 the machine would be saturated by four (two cores at 750 cycles a second per jackd
            // and client), so the three comparisons run as pairs.
            if (setUp.periodSamples == 128) {
                failures.addAll(judged(setUp, List.of(Path4.values()), List.of(
                        new Path4[] {Path4.TUTTI_SERVER_JAMULUS_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER},
                        new Path4[] {Path4.JAMULUS_SERVER_TUTTI_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER},
                        new Path4[] {Path4.TUTTI_SERVER_TUTTI_PLAYER, Path4.TUTTI_SERVER_JAMULUS_PLAYER})));
            } else {
                for (Path4[] pair : new Path4[][] {
                    {Path4.TUTTI_SERVER_JAMULUS_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER},
                    {Path4.JAMULUS_SERVER_TUTTI_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER},
                    {Path4.TUTTI_SERVER_TUTTI_PLAYER, Path4.TUTTI_SERVER_JAMULUS_PLAYER}}) {
                    failures.addAll(judged(setUp, List.of(pair), List.<Path4[]>of(pair)));
                }
            }
        }
        assertThat(failures).as("comparisons that failed in every one of %d recordings", RECORDINGS).isEmpty();
    }

    /**
     * Records {@code paths} together and judges {@code comparisons}; a recording with a failed comparison is
     * recorded again, up to {@value #RECORDINGS} times, and the comparisons that failed in every recording are
     * returned with the figures of each. A loss in Tutti's path is there in every recording; a disturbance of this
     * shared machine (another process's burst, a late tick) spoils one recording and, as often as not, the reference
     * path rather than Tutti's — judging it instead of recording again would make the verdict a coin toss.
     */
    private List<String> judged(SetUp setUp, List<Path4> paths, List<Path4[]> comparisons) throws IOException {
        List<String> failures = new ArrayList<>();
        for (int recording = 1; recording <= RECORDINGS; recording++) {
            List<Result> results = measure(setUp, paths);
            List<String> now = new ArrayList<>();
            for (Path4[] pair : comparisons) {
                now.addAll(worse(find(results, pair[0]), find(results, pair[1])));
            }
            if (now.isEmpty()) {
                return List.of();
            }
            int n = recording;
            now.forEach(f -> failures.add("recording " + n + ": " + f));
            System.out.println("fidelity: recording again, " + now.size() + " comparison(s) failed: " + now);
        }
        return failures;
    }

    private List<Result> measure(SetUp setUp, List<Path4> paths) throws IOException {
        List<Result> results = FidelityRig.measure(dir, setUp, WARM_UP, RECORDED, paths);
        for (Result result : results) {
            report(result);
        }
        return results;
    }

    private static Result find(List<Result> results, Path4 path) {
        return results.stream().filter(r -> r.path() == path).findFirst().orElseThrow();
    }

    /** What makes Tutti's path {@code tutti} worse than Jamulus's {@code reference} in one recording, if anything. */
    static List<String> worse(Result tutti, Result reference) {
        String what = tutti + "\n  against " + reference;
        List<String> failures = new ArrayList<>();
        if (tutti.heard().medianSnrDb() < reference.heard().medianSnrDb() - SNR_MARGIN_DB) {
            failures.add("SNR more than " + SNR_MARGIN_DB + " dB lower: " + what);
        }
        if (tutti.heard().dropoutWindows() > reference.heard().dropoutWindows() + DROPOUT_MARGIN) {
            failures.add("more than " + DROPOUT_MARGIN + " dropout window(s) more: " + what);
        }
        if (tutti.heard().glitchyBlocks() > reference.heard().glitchyBlocks() + GLITCH_MARGIN) {
            failures.add("more than " + GLITCH_MARGIN + " glitchy blocks more: " + what);
        }
        return failures;
    }

    private static void report(Result r) throws IOException {
        System.out.println("fidelity: " + r);
        Files.writeString(Path.of("target", "fidelity.txt"), r + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertThat(r.heard().rms()).as("the tone reached the listener: " + r).isGreaterThan(0.05);
    }
}
