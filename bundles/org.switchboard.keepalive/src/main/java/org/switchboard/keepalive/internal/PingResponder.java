package org.switchboard.keepalive.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;

/**
 * Answers every PING with a PONG carrying the same parameters, from the first line of a link on: connections
 * dispatch every message to listeners even before 001, so registration never stalls on a server's
 * "PING before welcome" check. Tags and source of the PING are not echoed; they are not part of the reply.
 */
@Component(property = IrcMessageListener.COMMAND_PROPERTY + "=PING")
public class PingResponder implements IrcMessageListener {

    @Override
    public void onMessage(IrcConnection connection, IrcMessage message) {
        if (message.is("PING")) {
            connection.send(new IrcMessage(Map.of(), null, "PONG", message.params()));
        }
    }
}
