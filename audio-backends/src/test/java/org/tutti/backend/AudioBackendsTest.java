package org.tutti.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tutti.backend.fake.FakeBackendProvider;
import org.tutti.backend.fake.FakeStream;

class AudioBackendsTest {
    @Test
    void providersAreFoundThroughServiceLoader() {
        assertThat(AudioBackends.all()).extracting(AudioBackendProvider::name)
                .contains("jack", "javasound", "fake");
    }

    @Test
    void choosesThePreferredAvailableBackend() {
        assertThat(AudioBackends.choose("fake", List.of("jack")).orElseThrow().name()).isEqualTo("fake");
        assertThat(AudioBackends.choose("nope", List.of("nope2", "fake")).orElseThrow().name()).isEqualTo("fake");
        assertThat(AudioBackends.choose(null, List.of("nope"))).isEmpty();
    }

    @Test
    void fakeStreamRunsDeterministicCyclesAndReportsUnplugging() throws Exception {
        StringBuilder failure = new StringBuilder();
        AudioCallback cb = new AudioCallback() {
            @Override
            public void process(float[][] in, float[][] out, int frames) {
                for (int i = 0; i < frames; i++) {
                    out[0][i] = in[0][i] * 2;
                }
            }

            @Override
            public void streamFailed(String reason) {
                failure.append(reason);
            }
        };
        FakeStream s = new FakeBackendProvider().open(AudioRequest.of("t", 64), cb);
        s.setInput((in, frames, index) -> java.util.Arrays.fill(in[0], 0, frames, index / 64f));
        assertThat(s.runCycles(3)).isZero(); // not started
        s.start();
        assertThat(s.runCycles(3)).isEqualTo(3);
        assertThat(s.lastOutput(0)[0]).isEqualTo(4f); // third cycle starts at frame 128 → 2 × 2
        s.unplug("device removed");
        assertThat(failure.toString()).isEqualTo("device removed");
        assertThat(s.runCycles(1)).isZero();
    }
}
