package org.tutti.client.engine;

/** Sends one audio datagram to the server. Called on the audio thread: must not allocate or block for long. */
interface PacketSender {
    void send(byte[] data, int length);
}
