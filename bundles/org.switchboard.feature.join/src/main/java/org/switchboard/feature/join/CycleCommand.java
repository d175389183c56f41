package org.switchboard.feature.join;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/** {@code /cycle [#channel] [reason]}: parts and joins again, to refresh the channel state. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=cycle",
        CommandHandler.USAGE_PROPERTY + "=/cycle [#channel] [reason]",
        CommandHandler.DESCRIPTION_PROPERTY + "=Leave and rejoin a channel (the current one by default)" })
public final class CycleCommand implements CommandHandler {

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
        String channel = target.get().channel();
        String reason = target.get().reason().isEmpty() ? "Cycling" : target.get().reason();
        ChannelCommands.send(invocation, connection.get(), IrcMessage.of("PART", channel, reason));
        ChannelCommands.send(invocation, connection.get(), IrcMessage.of("JOIN", channel));
    }
}
