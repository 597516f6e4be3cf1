package org.tutti.protocol;

/**
 * A Jamulus protocol message: an immutable record whose body layout is fixed by its ID. Convert with
 * {@link MessageCodec}; frame with {@link Frame}. Engines switch over the two sealed families:
 * <pre>{@code
 * switch (message) {
 *     case ConnectedMessage.ChatText(String text) -> ...
 *     case ConnectionlessMessage.PingMs(int timeMs) -> ...
 *     default -> { }
 * }
 * }</pre>
 */
public sealed interface Message permits ConnectedMessage, ConnectionlessMessage {
    /** The message ID on the wire (see {@link MessageId}). */
    int id();
}
