package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/** {@code /invite <nick> [#channel]}: the channel defaults to the current one. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=invite",
        CommandHandler.USAGE_PROPERTY + "=" + InviteCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Invite a nick to a channel (the current one by default)" })
public final class InviteCommand implements CommandHandler {

    static final String USAGE = "/invite <nick> [#channel]";

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length < 1 || args.length > 2) {
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
        String channel;
        if (args.length == 2) {
            if (!connection.get().isupport().isChannel(args[1])) {
                invocation.error("'" + args[1] + "' is not a channel: " + USAGE);
                return;
            }
            channel = args[1];
        } else if (connection.get().isupport().isChannel(invocation.buffer())) {
            channel = invocation.buffer();
        } else {
            invocation.error("/invite only works in a channel, or name one: " + USAGE);
            return;
        }
        CommandSupport.send(invocation, connection.get(), IrcMessage.of("INVITE", args[0], channel));
    }
}
