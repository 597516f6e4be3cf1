package org.tutti.client.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tutti.client.fidelity.FidelityRig.Peer;
import org.tutti.client.fidelity.FidelityRig.Result;
import org.tutti.client.fidelity.FidelityRig.SetUp;
import org.tutti.interop.Peers;

/**
 * What a real Jamulus 3.9.1 client hears through Tutti, against what it hears through Jamulus, in the same run
 * (docs/fidelity.md): for each stream set-up, the tone of a real sender through the real Jamulus server and through
 * Tutti's server, and the tone of Tutti's client through each server. Tutti must be no worse: SNR within 0.3 dB of
 * Jamulus's, at most one dropout window more, and at most {@value #GLITCH_MARGIN} more glitchy 50-ms blocks (one
 * hiccup of a dummy jackd on a busy machine spoils one or two blocks wherever it falls, in either run).
 *
 * <p>{@code -Dtutti.fidelity.runs=N} repeats each set-up N times (the figures in the docs use 5); every run's line is
 * appended to {@code target/fidelity.txt}.
 */
class FidelityIT {
    static final double SNR_MARGIN_DB = 0.3;
    static final int DROPOUT_MARGIN = 1;
    static final int GLITCH_MARGIN = 2;
    private static final Duration WARM_UP = Duration.ofSeconds(6);
    private static final Duration RECORDED = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SetUp.class)
    void aRealClientHearsTuttiAtLeastAsCleanlyAsJamulus(SetUp setUp) throws IOException {
        Peers.require(Peers.JAMULUS, Peers.JACKD, Peers.JACK_TOOLS, Peers.JACK_REC);
        String only = System.getProperty("tutti.fidelity.setups", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(setUp.name()),
                "set-up not selected by -Dtutti.fidelity.setups");
        int runs = Integer.getInteger("tutti.fidelity.runs", 1);
        SoftAssertions soft = new SoftAssertions();
        for (int run = 0; run < runs; run++) {
            List<Result> results = new ArrayList<>();
            for (Peer server : Peer.values()) {
                for (Peer sender : Peer.values()) {
                    Result r = FidelityRig.measure(dir, setUp, server, sender, WARM_UP, RECORDED);
                    report(r);
                    results.add(r);
                }
            }
            Result jamulusJamulus = results.get(0);
            Result jamulusTutti = results.get(1); // Jamulus server, Tutti sender
            Result tuttiJamulus = results.get(2); // Tutti server, real sender
            Result tuttiTutti = results.get(3);
            noWorse(soft, tuttiJamulus, jamulusJamulus);
            noWorse(soft, jamulusTutti, jamulusJamulus);
            noWorse(soft, tuttiTutti, tuttiJamulus);
        }
        soft.assertAll();
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
