package org.switchboard.feature.join;

import java.util.Optional;

import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.Isupport;

/** What /join, /part and /cycle share: finding a usable connection and naming channels. */
final class ChannelCommands {

    private ChannelCommands() {
    }

    /** The connection to send through, or empty after telling the user why there is none. */
    static Optional<IrcConnection> connected(CommandInvocation invocation) {
        Optional<IrcConnection> connection = invocation.connection();
        if (connection.isEmpty()) {
            invocation.error("/" + invocation.name() + " needs a network: type it in a server, channel or query buffer");
            return Optional.empty();
        }
        if (connection.get().state() != ConnectionState.CONNECTED) {
            invocation.error("Not connected to " + connection.get().network() + "; /" + invocation.name()
                    + " works once the connection is up");
            return Optional.empty();
        }
        return connection;
    }

    /** Adds the first channel type ({@code #}) to a name the user typed without one. */
    static String channelName(String typed, Isupport isupport) {
        if (isupport.isChannel(typed)) {
            return typed;
        }
        String types = isupport.chantypes();
        char type = types.isEmpty() ? '#' : types.indexOf('#') >= 0 ? '#' : types.charAt(0);
        return type + typed;
    }

    static void send(CommandInvocation invocation, IrcConnection connection, IrcMessage message) {
        if (!connection.send(message)) {
            invocation.error("Could not send " + message.command() + ": the connection refused it");
        }
    }
}
