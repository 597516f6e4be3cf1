package org.tutti.client.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
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
        SoftAssertions soft = new SoftAssertions();
        for (int run = 0; run < runs; run++) {
            // Each comparison is recorded at the same time as its reference. At 128 samples all four paths run
            // together; at 64 the machine would be saturated by four (two cores at 750 cycles a second per jackd
            // and client), so the three comparisons run as pairs.
            if (setUp.periodSamples == 128) {
                List<Result> r = measure(setUp, List.of(Path4.values()));
                compare(soft, r, Path4.TUTTI_SERVER_JAMULUS_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER);
                compare(soft, r, Path4.JAMULUS_SERVER_TUTTI_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER);
                compare(soft, r, Path4.TUTTI_SERVER_TUTTI_PLAYER, Path4.TUTTI_SERVER_JAMULUS_PLAYER);
            } else {
                for (Path4[] pair : new Path4[][] {
                    {Path4.TUTTI_SERVER_JAMULUS_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER},
                    {Path4.JAMULUS_SERVER_TUTTI_PLAYER, Path4.JAMULUS_SERVER_JAMULUS_PLAYER},
                    {Path4.TUTTI_SERVER_TUTTI_PLAYER, Path4.TUTTI_SERVER_JAMULUS_PLAYER}}) {
                    compare(soft, measure(setUp, List.of(pair)), pair[0], pair[1]);
                }
            }
        }
        soft.assertAll();
    }

    private List<Result> measure(SetUp setUp, List<Path4> paths) throws IOException {
        List<Result> results = FidelityRig.measure(dir, setUp, WARM_UP, RECORDED, paths);
        for (Result result : results) {
            report(result);
        }
        return results;
    }

    /** Tutti's path {@code tutti} against Jamulus's path {@code reference}, both from {@code results}. */
    private static void compare(SoftAssertions soft, List<Result> results, Path4 tutti, Path4 reference) {
        noWorse(soft, find(results, tutti), find(results, reference));
    }

    private static Result find(List<Result> results, Path4 path) {
        return results.stream().filter(r -> r.path() == path).findFirst().orElseThrow();
    }

    private static void noWorse(SoftAssertions soft, Result tutti, Result reference) {
        String what = tutti + "\n  against " + reference;
        soft.assertThat(tutti.heard().medianSnrDb()).as("SNR: " + what)
                .isGreaterThanOrEqualTo(reference.heard().medianSnrDb() - SNR_MARGIN_DB);
        soft.assertThat(tutti.heard().dropoutWindows()).as("dropouts: " + what)
                .isLessThanOrEqualTo(reference.heard().dropoutWindows() + DROPOUT_MARGIN);
        soft.assertThat(tutti.heard().glitchyBlocks()).as("glitches: " + what)
                .isLessThanOrEqualTo(reference.heard().glitchyBlocks() + GLITCH_MARGIN);
    }

    private static void report(Result r) throws IOException {
        System.out.println("fidelity: " + r);
        Files.writeString(Path.of("target", "fidelity.txt"), r + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertThat(r.heard().rms()).as("the tone reached the listener: " + r).isGreaterThan(0.05);
    }
}
