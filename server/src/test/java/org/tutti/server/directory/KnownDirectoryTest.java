package org.tutti.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KnownDirectoryTest {
    @Test
    void currentNamesAndPortsAreJamulus3123s() {
        // src/global.h of Jamulus 3.12.3+: DEFAULT_SERVER_ADDRESS, then DIR_ADDR_* in EDirectoryType order.
        assertThat(Arrays.stream(KnownDirectory.values()).map(d -> d.address().toString())).containsExactly(
                "anygenre1.jamulus.app:22124", "anygenre2.jamulus.app:22224", "asia.jamulus.app:22624",
                "rock.jamulus.app:22424", "jazz.jamulus.app:22324", "classical.jamulus.app:22524",
                "choral.jamulus.app:22724");
        assertThat(KnownDirectory.ANY_GENRE_ASIA.label()).isEqualTo("Any Genre Asia");
        assertThat(KnownDirectory.DEFAULT.address().toString()).isEqualTo("anygenre1.jamulus.app:22124");
    }

    @Test
    void oldNamesMigrateToTheCurrentOnes() {
        assertThat(KnownDirectory.migrate("anygenre3.jamulus.io:22624")).isEqualTo("asia.jamulus.app:22624");
        assertThat(KnownDirectory.migrate(" ROCK.jamulus.io:22424 ")).isEqualTo("rock.jamulus.app:22424");
        // Without a port the old name meant that directory, with its own port.
        assertThat(KnownDirectory.migrate("anygenre3.jamulus.io")).isEqualTo("asia.jamulus.app:22624");
        assertThat(KnownDirectory.migrate("jazz.jamulus.io:5000")).isEqualTo("jazz.jamulus.app:5000");
        assertThat(KnownDirectory.migrate("jazz.jamulus.io:x")).isEqualTo("jazz.jamulus.io:x");
    }

    @Test
    void otherAddressesStayAsGiven() {
        assertThat(KnownDirectory.migrate("anygenre1.jamulus.app")).isEqualTo("anygenre1.jamulus.app");
        assertThat(KnownDirectory.migrate("dir.example.org:22224")).isEqualTo("dir.example.org:22224");
        assertThat(KnownDirectory.migrate("localhost")).isEqualTo("localhost");
        assertThat(KnownDirectory.migrate("")).isEmpty();
        assertThat(KnownDirectory.migrate(null)).isNull();
    }
}
