/**
 * The Jamulus wire protocol: message records ({@link org.tutti.protocol.ConnectedMessage},
 * {@link org.tutti.protocol.ConnectionlessMessage}), the codec between records and bytes
 * ({@link org.tutti.protocol.MessageCodec}), frames and CRC ({@link org.tutti.protocol.Frame}), datagram
 * classification ({@link org.tutti.protocol.DatagramKind}) and audio packet layout. No I/O, no threads, no state.
 */
package org.tutti.protocol;
