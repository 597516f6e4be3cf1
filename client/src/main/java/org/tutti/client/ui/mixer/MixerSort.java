package org.tutti.client.ui.mixer;

import java.util.Comparator;
import java.util.Locale;
import org.tutti.client.ui.I18n;
import org.tutti.client.ui.Instruments;

/** Orders of the mixer strips, as Jamulus's View menu offers them. */
public enum MixerSort {
    CHANNEL(Comparator.comparingInt(StripView::channelId)),
    NAME(Comparator.comparing((StripView v) -> v.label().toLowerCase(Locale.ROOT))),
    INSTRUMENT(Comparator.comparing((StripView v) -> Instruments.name(v.instrument()))),
    GROUP(Comparator.comparingInt((StripView v) -> v.group() == 0 ? Integer.MAX_VALUE : v.group())),
    CITY(Comparator.comparing((StripView v) -> v.city().toLowerCase(Locale.ROOT)));

    private final Comparator<StripView> order;

    MixerSort(Comparator<StripView> primary) {
        // Ties fall back to the channel number so the order is stable between updates.
        this.order = primary.thenComparingInt(StripView::channelId);
    }

    /** The comparator; with {@code ownFirst} our own strip leads. */
    public Comparator<StripView> comparator(boolean ownFirst) {
        return ownFirst ? Comparator.comparing((StripView v) -> !v.own()).thenComparing(order) : order;
    }

    public String label() {
        return I18n.tr("sort." + name().toLowerCase(Locale.ROOT));
    }
}
