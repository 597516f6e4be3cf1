package org.tutti.client.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tutti.client.ui.I18n;

class DirectoriesTest {
    @AfterEach
    void english() {
        I18n.use("en", true);
    }

    @Test
    void builtInListIsJamulus3123sDirectoriesThenTheCustomOnes() {
        I18n.use("en", true);
        assertThat(Directories.all(List.of("dir.example.org:22224", " "))).containsExactly(
                new Directories.Directory("Any Genre 1", "anygenre1.jamulus.app:22124"),
                new Directories.Directory("Any Genre 2", "anygenre2.jamulus.app:22224"),
                new Directories.Directory("Any Genre Asia", "asia.jamulus.app:22624"),
                new Directories.Directory("Genre Rock", "rock.jamulus.app:22424"),
                new Directories.Directory("Genre Jazz", "jazz.jamulus.app:22324"),
                new Directories.Directory("Genre Classical/Folk", "classical.jamulus.app:22524"),
                new Directories.Directory("Genre Choral/Barbershop", "choral.jamulus.app:22724"),
                new Directories.Directory("Custom: dir.example.org:22224", "dir.example.org:22224"));
    }

    @Test
    void asiaIsTranslated() {
        I18n.use("fr", false);
        assertThat(Directories.all(List.of()).get(2).label()).isEqualTo("Tous genres Asie");
    }
}
