package org.switchboard.feature.join;

import java.util.Optional;

import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.Isupport;

/** The {@code [#channel] [reason]} arguments of /part and /cycle, the channel defaulting to the current buffer. */
record ChannelAndReason(String channel, String reason) {

    static Optional<ChannelAndReason> of(CommandInvocation invocation, IrcConnection connection) {
        Isupport isupport = connection.isupport();
        String arguments = invocation.arguments().strip();
        int space = arguments.indexOf(' ');
        String first = space < 0 ? arguments : arguments.substring(0, space);
        if (!first.isEmpty() && isupport.isChannel(first)) {
            return Optional.of(new ChannelAndReason(first, space < 0 ? "" : arguments.substring(space + 1).strip()));
        }
        if (isupport.isChannel(invocation.buffer())) {
            return Optional.of(new ChannelAndReason(invocation.buffer(), arguments));
        }
        invocation.error("Not in a channel: use /" + invocation.name() + " #channel [reason]");
        return Optional.empty();
    }
}
