package org.tutti.client.model;

/**
 * A connected channel as listed by the server (CONN_CLIENTS_LIST), in the model's own terms.
 */
public record ChannelProfile(int channelId, String name, int instrument, int country, String city, int skill) {
}
