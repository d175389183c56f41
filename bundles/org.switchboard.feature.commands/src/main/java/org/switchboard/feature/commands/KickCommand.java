package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/** {@code /kick <nick> [reason]}: removes a member from the current channel. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=kick",
        CommandHandler.USAGE_PROPERTY + "=" + KickCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Kick a member out of the current channel" })
public final class KickCommand implements CommandHandler {

    static final String USAGE = "/kick <nick> [reason]";

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length < 1) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        if (!CommandSupport.validName(invocation, args[0])) {
            return;
        }
        Optional<IrcConnection> connection = CommandSupport.connected(invocation);
        if (connection.isEmpty()) {
            return;
        }
        Optional<String> channel = CommandSupport.currentChannel(invocation, connection.get());
        if (channel.isEmpty()) {
            return;
        }
        String reason = CommandSupport.rest(invocation, 1).strip();
        IrcMessage kick = reason.isEmpty() ? IrcMessage.of("KICK", channel.get(), args[0])
                : IrcMessage.of("KICK", channel.get(), args[0], reason);
        CommandSupport.send(invocation, connection.get(), kick);
    }
}
