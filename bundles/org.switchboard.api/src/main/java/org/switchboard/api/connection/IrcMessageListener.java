package org.switchboard.api.connection;

import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.irc.IrcMessage;

/**
 * Whiteboard service told about every message a connection receives. The optional service property
 * {@value #COMMAND_PROPERTY} (String or String[]) restricts it to those commands; without it the listener
 * receives everything.
 *
 * <p>A listener that shows some replies to the user itself (a channel list dialog showing 322 RPL_LIST, say) names
 * them in the service property {@value #CLAIMS_PROPERTY} (String or String[]): while it is registered, the session
 * no longer writes those messages into the server buffer. It should claim only what it presents, and only while
 * it can present it.
 *
 * <p>Called on the connection's reader thread, in arrival order: it must not block. An exception thrown here
 * is logged and does not disturb the connection.
 */
@ConsumerType
@FunctionalInterface
public interface IrcMessageListener {

    String COMMAND_PROPERTY = "irc.command";

    /**
     * Service property: the commands (usually numerics) whose messages this listener presents to the user, so
     * that the session leaves them out of the server buffer.
     *
     * @since 1.2
     */
    String CLAIMS_PROPERTY = "irc.claims";

    void onMessage(IrcConnection connection, IrcMessage message);
}
