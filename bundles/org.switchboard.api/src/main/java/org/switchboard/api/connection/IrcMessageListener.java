package org.switchboard.api.connection;

import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.irc.IrcMessage;

/**
 * Whiteboard service told about every message a connection receives. The optional service property
 * {@value #COMMAND_PROPERTY} (String or String[]) restricts it to those commands; without it the listener
 * receives everything.
 *
 * <p>Called on the connection's reader thread, in arrival order: it must not block. An exception thrown here
 * is logged and does not disturb the connection.
 */
@ConsumerType
@FunctionalInterface
public interface IrcMessageListener {

    String COMMAND_PROPERTY = "irc.command";

    void onMessage(IrcConnection connection, IrcMessage message);
}
