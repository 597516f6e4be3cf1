package org.tutti.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The choices and their meaning, as Jamulus's ASIO and Core Audio backends define them, and how they resolve. */
class ChannelMappingTest {
    @Test
    void aFourInputCardOffersItsInputsAndFourMixedPairs() {
        assertThat(ChannelMapping.inputChoices(4)).isEqualTo(8);
        String[] labels = new String[8];
        for (int c = 0; c < 8; c++) {
            labels[c] = ChannelMapping.inputLabel(c, 4);
        }
        // CSoundBase::GetSelCHAndAddCH: 4 = 1 + 3, 5 = 1 + 4, 6 = 2 + 3, 7 = 2 + 4
        assertThat(labels).containsExactly("1", "2", "3", "4", "1 + 3", "1 + 4", "2 + 3", "2 + 4");
    }

    @Test
    void otherCardsOfferTheirInputsOnly() {
        assertThat(ChannelMapping.inputChoices(2)).isEqualTo(2);
        assertThat(ChannelMapping.inputChoices(3)).isEqualTo(3);
        assertThat(ChannelMapping.inputChoices(8)).isEqualTo(8);
        assertThat(ChannelMapping.inputLabel(5, 8)).isEqualTo("6");
        assertThat(ChannelMapping.addedInput(5, 8)).isEqualTo(-1);
    }

    @Test
    void resolvesAgainstTheGrantedChannelsOrFallsBack() {
        assertThat(ChannelRoute.resolve(ChannelMapping.DEFAULT, 2, 2)).isEqualTo(ChannelRoute.IDENTITY);
        assertThat(ChannelRoute.resolve(new ChannelMapping(5, 2, 3, 1), 4, 4))
                .isEqualTo(new ChannelRoute(0, 3, 2, -1, 3, 1));
        assertThat(ChannelRoute.resolve(new ChannelMapping(5, 2, 3, 1), 8, 8))
                .isEqualTo(new ChannelRoute(5, -1, 2, -1, 3, 1));
        assertThat(ChannelRoute.resolve(new ChannelMapping(2, 1, 0, 1), 2, 2)).as("no input 3").isNull();
        assertThat(ChannelRoute.resolve(new ChannelMapping(0, 1, 0, 2), 4, 2)).as("no output 3").isNull();
    }

    @Test
    void jackPortsNeededAreTheHighestUsedPlusOne() {
        assertThat(ChannelMapping.DEFAULT.inputsNeeded()).isEqualTo(2);
        assertThat(new ChannelMapping(0, 0, 0, 0).outputsNeeded()).isEqualTo(2);
        assertThat(new ChannelMapping(2, 5, 0, 3).inputsNeeded()).isEqualTo(6);
        assertThat(new ChannelMapping(2, 5, 0, 3).outputsNeeded()).isEqualTo(4);
        // with six ports, choice 5 is plain input 6, as on the list JACK shows
        assertThat(ChannelMapping.inputLabel(5, 6)).isEqualTo("6");
    }

    @Test
    void theRouterPicksSumsAndSpreadsWithoutTouchingTheIdentity() {
        ChannelRouter router = new ChannelRouter();
        float[][] in = {{0.1f, 0.9f}, {0.2f, 0.2f}, {0.3f, 0.3f}, {0.4f, 0.4f}};
        float[][] out = {{9f, 9f}, {9f, 9f}, {9f, 9f}, {9f, 9f}};
        assertThat(router.input(ChannelRoute.IDENTITY, in, 2)).isSameAs(in);
        assertThat(router.output(ChannelRoute.IDENTITY, out, 2)).isSameAs(out);

        ChannelRoute r = ChannelRoute.resolve(new ChannelMapping(4, 3, 3, 2), 4, 4); // left = 1 + 3, right = 4
        float[][] stereo = router.input(r, in, 2);
        assertThat(stereo[0][0]).isCloseTo(0.4f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(stereo[0][1]).as("a sum is clipped as Jamulus clips 16 bits").isEqualTo(1f);
        assertThat(stereo[1][0]).isEqualTo(0.4f);
        float[][] played = router.output(r, out, 2);
        played[0][0] = 0.5f;
        played[1][0] = -0.5f;
        router.spread(r, played, out, 2);
        assertThat(out[3]).containsExactly(0.5f, 0f);
        assertThat(out[2]).containsExactly(-0.5f, 0f);
        assertThat(out[0]).containsExactly(0f, 0f);
        assertThat(out[1]).containsExactly(0f, 0f);
    }
}
