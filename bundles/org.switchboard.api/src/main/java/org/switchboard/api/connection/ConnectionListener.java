package org.switchboard.api.connection;

import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.irc.IrcMessage;

/**
 * Whiteboard service told about connection life-cycle changes and about what the client sent. Calls come from
 * the connection's own threads; implementations must not block.
 */
@ConsumerType
public interface ConnectionListener {

    /**
     * The connection moved from {@code previous} to {@code current}.
     *
     * @param detail one line for the user saying why (for example "Connection refused; retrying in 8 s"), or null
     */
    default void stateChanged(IrcConnection connection, ConnectionState previous, ConnectionState current,
            String detail) {
    }

    /** A message was written to the socket (called on the writer thread, after the write). */
    default void messageSent(IrcConnection connection, IrcMessage message) {
    }

    /** A notice for the user that is not a state change (a skipped malformed line, a refused certificate...). */
    default void notice(IrcConnection connection, String text) {
    }

    /**
     * A new round-trip time was measured (see {@link IrcConnection#lagMillis()}).
     *
     * @since 1.1
     */
    default void lagChanged(IrcConnection connection, long lagMillis) {
    }
}
