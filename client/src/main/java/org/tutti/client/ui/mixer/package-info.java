/**
 * The mixer board: one {@link org.tutti.client.ui.mixer.ChannelStrip} per musician, drawn from immutable
 * {@link org.tutti.client.ui.mixer.StripView}s and sorted by {@link org.tutti.client.ui.mixer.MixerSort}; moves go out
 * as {@link org.tutti.client.ui.mixer.MixerActions}.
 */
package org.tutti.client.ui.mixer;
