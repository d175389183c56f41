package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/**
 * {@code /names [#channel]}: asks for a channel's members; the session shows the list in that channel (and
 * refreshes its nick list), or in the server buffer for a channel we are not in.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=names",
        CommandHandler.USAGE_PROPERTY + "=" + NamesCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=List the members of the current or a named channel" })
public final class NamesCommand implements CommandHandler {

    static final String USAGE = "/names [#channel]";

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<String[]> args = CommandSupport.arguments(invocation, 0, 1, 1, USAGE);
        Optional<IrcConnection> connection = args.flatMap(a -> CommandSupport.connected(invocation));
        if (connection.isEmpty()) {
            return;
        }
        // Without a channel the server would list every visible user of the network: never what was meant.
        Optional<String> channel = args.get().length == 1 ? Optional.of(args.get()[0])
                : CommandSupport.currentChannel(invocation, connection.get());
        if (channel.isEmpty()) {
            return;
        }
        CommandSupport.send(invocation, connection.get(), IrcMessage.of("NAMES", channel.get()));
    }
}
