package org.switchboard.feature.commands;

import java.util.List;
import java.util.Optional;

import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;

/** What the commands share: finding a usable connection, the current channel, and sending with feedback. */
final class CommandSupport {

    private CommandSupport() {
    }

    /** The connection of the invocation's network when it is registered, or empty after telling the user why not. */
    static Optional<IrcConnection> connected(CommandInvocation invocation) {
        return connectedIn(invocation, ConnectionState.CONNECTED);
    }

    /**
     * Like {@link #connected} but also accepts the other given states; /nick and /raw are useful while the
     * server is still refusing our nick during registration.
     */
    static Optional<IrcConnection> connectedIn(CommandInvocation invocation, ConnectionState... accepted) {
        Optional<IrcConnection> connection = invocation.connection();
        if (connection.isEmpty()) {
            invocation.error("/" + invocation.name()
                    + " needs a network: type it in a server, channel or query buffer");
            return Optional.empty();
        }
        ConnectionState state = connection.get().state();
        for (ConnectionState ok : accepted) {
            if (state == ok) {
                return connection;
            }
        }
        invocation.error("Not connected to " + connection.get().network() + "; /" + invocation.name()
                + " works once the connection is up");
        return Optional.empty();
    }

    /** A registered connection and the channel of the buffer the command was typed in. */
    record InChannel(IrcConnection connection, String channel) {

        /** Sends one message; false (after telling the user) when the connection refused it. */
        boolean send(CommandInvocation invocation, IrcMessage message) {
            return CommandSupport.send(invocation, connection, message);
        }
    }

    /** The connection and the current channel, or empty after telling the user which is missing. */
    static Optional<InChannel> inCurrentChannel(CommandInvocation invocation) {
        return connected(invocation).flatMap(connection -> currentChannel(invocation, connection)
                .map(channel -> new InChannel(connection, channel)));
    }

    /**
     * The space-separated arguments when there are {@code min} to {@code max} of them and the first {@code names}
     * can be sent as nicks or channels; otherwise empty, after telling the user the usage or what is wrong.
     */
    static Optional<String[]> arguments(CommandInvocation invocation, int min, int max, int names, String usage) {
        String[] args = invocation.argumentList();
        if (args.length < min || args.length > max) {
            usage(invocation, usage);
            return Optional.empty();
        }
        for (int i = 0; i < names && i < args.length; i++) {
            if (!validName(invocation, args[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(args);
    }

    /**
     * The single nick, channel or mask argument of a command that takes exactly one, or empty after telling the
     * user the usage or that it cannot be sent.
     */
    static Optional<String> singleName(CommandInvocation invocation, String usage) {
        return arguments(invocation, 1, 1, 1, usage).map(args -> args[0]);
    }

    /** The buffer's channel, or empty after saying that the command needs one. */
    static Optional<String> currentChannel(CommandInvocation invocation, IrcConnection connection) {
        if (connection.isupport().isChannel(invocation.buffer())) {
            return Optional.of(invocation.buffer());
        }
        invocation.error("/" + invocation.name() + " only works in a channel");
        return Optional.empty();
    }

    /**
     * False (after telling the user) for a nick or channel argument that cannot be a middle parameter of an IRC
     * line: one starting with a colon would be read as the trailing text.
     */
    static boolean validName(CommandInvocation invocation, String name) {
        if (name.startsWith(":")) {
            invocation.error("'" + name + "' is not a valid nick or channel name");
            return false;
        }
        return true;
    }

    /**
     * How many modes with a parameter one MODE line may carry: the server's {@code MODES}; 3 when it does not say
     * (RFC 1459's limit), 12 when it says "no limit" with an empty value (a line still has to fit).
     */
    static int modesPerLine(IrcConnection connection) {
        Optional<String> modes = connection.isupport().token("MODES");
        if (modes.isEmpty()) {
            return 3;
        }
        if (modes.get().isEmpty()) {
            return 12;
        }
        try {
            return Math.max(1, Integer.parseInt(modes.get()));
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    static void usage(CommandInvocation invocation, String usage) {
        invocation.error("Usage: " + usage);
    }

    /** Sends one message; false (after telling the user) when the connection refused it. */
    static boolean send(CommandInvocation invocation, IrcConnection connection, IrcMessage message) {
        if (connection.send(message)) {
            return true;
        }
        invocation.error("Could not send " + message.command() + ": the connection refused it");
        return false;
    }

    /** Sends a PRIVMSG or NOTICE, split into as many lines as the server's line length needs. */
    static boolean sendText(CommandInvocation invocation, IrcConnection connection, IrcProtocol protocol,
            IrcMessage message) {
        List<IrcMessage> parts = protocol.splitMessage(message, connection.ownSource(),
                connection.isupport().linelen());
        for (IrcMessage part : parts) {
            if (!send(invocation, connection, part)) {
                return false;
            }
        }
        return true;
    }

    /** The text after the first {@code skip} space-separated words of the arguments, or the empty string. */
    static String rest(CommandInvocation invocation, int skip) {
        String text = invocation.arguments().stripLeading();
        for (int i = 0; i < skip && !text.isEmpty(); i++) {
            int space = text.indexOf(' ');
            text = space < 0 ? "" : text.substring(space + 1).stripLeading();
        }
        return text;
    }
}
