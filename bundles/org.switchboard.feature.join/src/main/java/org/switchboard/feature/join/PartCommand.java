package org.switchboard.feature.join;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/** {@code /part [#channel] [reason]}: leaves the named channel, or the one the command was typed in. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=part",
        CommandHandler.NAME_PROPERTY + "=leave",
        CommandHandler.USAGE_PROPERTY + "=/part [#channel] [reason]",
        CommandHandler.DESCRIPTION_PROPERTY + "=Leave a channel (the current one by default)" })
public final class PartCommand implements CommandHandler {

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<IrcConnection> connection = ChannelCommands.connected(invocation);
        if (connection.isEmpty()) {
            return;
        }
        Optional<ChannelAndReason> target = ChannelAndReason.of(invocation, connection.get());
        if (target.isEmpty()) {
            return;
        }
        String reason = target.get().reason();
        IrcMessage part = reason.isEmpty() ? IrcMessage.of("PART", target.get().channel())
                : IrcMessage.of("PART", target.get().channel(), reason);
        ChannelCommands.send(invocation, connection.get(), part);
    }
}
