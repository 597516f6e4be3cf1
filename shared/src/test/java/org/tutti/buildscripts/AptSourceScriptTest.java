package org.tutti.buildscripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/apt-source.sh derives deb-src entries from the machine's deb entries (one-line and deb822 files, disabled
 * files and entries left out), and real apt reads the result as source indexes of the same repositories.
 * The machine's sources are replaced by test files through APT_CONFIG, apt's own way to name another configuration.
 */
class AptSourceScriptTest {
    @TempDir
    Path tmp;

    @Test
    void debSrcEntriesAreDerivedFromTheEnabledDebEntriesAndAptReadsThem() throws Exception {
        Path parts = Files.createDirectory(tmp.resolve("sources.list.d"));
        Files.writeString(tmp.resolve("apt.conf"), "Dir::Etc::SourceList \"" + tmp.resolve("sources.list") + "\";\n"
                + "Dir::Etc::SourceParts \"" + parts + "/\";\n");
        Files.writeString(tmp.resolve("sources.list"), """
                # deb http://commented.example.invalid/debian bookworm main
                deb [arch=amd64 signed-by=/usr/share/keyrings/one.gpg] http://one.example.invalid/debian bookworm main contrib # note
                deb-src http://srconly.example.invalid/debian bookworm main
                deb http://flat.example.invalid/repo ./
                """);
        Files.writeString(parts.resolve("two.sources"), """
                Types: deb deb-src
                URIs: http://two.example.invalid/debian
                Suites: bookworm bookworm-updates
                Components: main
                Architectures: amd64
                Signed-By:
                 -----BEGIN PGP PUBLIC KEY BLOCK-----
                 .
                 mQINBFake
                 -----END PGP PUBLIC KEY BLOCK-----

                # switched off
                Types: deb
                Enabled: no
                URIs: http://off.example.invalid/debian
                Suites: bookworm
                Components: main
                """);
        Files.writeString(parts.resolve("three.list"), "deb http://three.example.invalid/debian trixie main\n");
        Files.writeString(parts.resolve("four.sources.disabled"),
                "Types: deb\nURIs: http://disabledfile.example.invalid/debian\nSuites: x\nComponents: main\n");
        Path work = tmp.resolve("work");

        Shell.Result derived = Shell.run(Map.of("APT_CONFIG", tmp.resolve("apt.conf").toString()),
                "bash", Shell.SCRIPTS.resolve("apt-source.sh").toString(), "--print-sources", work.toString());

        assertThat(derived.exit()).as(derived.output()).isZero();
        assertThat(derived.output()).isEqualTo("""
                Types: deb-src
                URIs: http://one.example.invalid/debian
                Suites: bookworm
                Components: main contrib
                signed-by: /usr/share/keyrings/one.gpg

                Types: deb-src
                URIs: http://flat.example.invalid/repo
                Suites: ./

                Types: deb-src
                URIs: http://three.example.invalid/debian
                Suites: trixie
                Components: main

                Types: deb-src
                URIs: http://two.example.invalid/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By:
                 -----BEGIN PGP PUBLIC KEY BLOCK-----
                 .
                 mQINBFake
                 -----END PGP PUBLIC KEY BLOCK-----

                """);

        // apt itself, on a private state, lists the source indexes it would fetch for those entries.
        Files.createDirectories(work.resolve("state/lists"));
        Shell.Result targets = Shell.run(Map.of(), "apt-get",
                "-o", "Dir::State=" + work.resolve("state"), "-o", "Dir::Cache=" + work.resolve("cache"),
                "-o", "Dir::Etc::SourceList=/dev/null", "-o", "Dir::Etc::SourceParts=" + work.resolve("sources.list.d"),
                "-o", "Debug::NoLocking=1", "indextargets", "--no-release-info", "--format", "$(CREATED_BY) $(URI)");
        assertThat(targets.exit()).as(targets.output()).isZero();
        assertThat(targets.lines()).containsExactlyInAnyOrder(
                "Sources http://one.example.invalid/debian/dists/bookworm/main/source/Sources",
                "Sources http://one.example.invalid/debian/dists/bookworm/contrib/source/Sources",
                "Sources http://flat.example.invalid/repo/./Sources",
                "Sources http://three.example.invalid/debian/dists/trixie/main/source/Sources",
                "Sources http://two.example.invalid/debian/dists/bookworm/main/source/Sources",
                "Sources http://two.example.invalid/debian/dists/bookworm-updates/main/source/Sources");
    }
}
