package org.switchboard.feature.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/**
 * {@code /mode [target] [modes [arguments]]}. Without a target, modes apply to the current channel, or to the
 * user's own nick in the server buffer; a bare {@code /mode} in a channel asks for the channel's modes.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=mode",
        CommandHandler.USAGE_PROPERTY + "=" + ModeCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Show or change channel or user modes" })
public final class ModeCommand implements CommandHandler {

    static final String USAGE = "/mode [#channel|nick] <+|-modes> [arguments]";

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<IrcConnection> connection = CommandSupport.connected(invocation);
        if (connection.isEmpty()) {
            return;
        }
        IrcConnection c = connection.get();
        String[] args = invocation.argumentList();
        boolean inChannel = c.isupport().isChannel(invocation.buffer());
        List<String> params = new ArrayList<>();
        if (args.length == 0 || args[0].startsWith("+") || args[0].startsWith("-")) {
            if (inChannel) {
                params.add(invocation.buffer());
            } else if (args.length > 0) {
                params.add(c.nick());
            } else {
                invocation.error("/mode needs a target outside a channel: " + USAGE);
                return;
            }
            params.addAll(Arrays.asList(args));
        } else {
            params.addAll(Arrays.asList(args));
        }
        CommandSupport.send(invocation, c, IrcMessage.of("MODE", params.toArray(String[]::new)));
    }
}
