package org.switchboard.feature.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/** {@code /join #channel[,#other] [key[,key]]}. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=join",
        CommandHandler.NAME_PROPERTY + "=j",
        CommandHandler.USAGE_PROPERTY + "=/join #channel[,#other] [key[,key]]",
        CommandHandler.DESCRIPTION_PROPERTY + "=Join one or more channels" })
public final class JoinCommand implements CommandHandler {

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length == 0) {
            invocation.error("Usage: /join #channel[,#other] [key[,key]]");
            return;
        }
        Optional<IrcConnection> connection = ChannelCommands.connected(invocation);
        if (connection.isEmpty()) {
            return;
        }
        List<String> channels = new ArrayList<>();
        for (String name : args[0].split(",")) {
            if (!name.isEmpty()) {
                channels.add(ChannelCommands.channelName(name, connection.get().isupport()));
            }
        }
        if (channels.isEmpty()) {
            invocation.error("Usage: /join #channel[,#other] [key[,key]]");
            return;
        }
        String joined = String.join(",", channels);
        IrcMessage join = args.length > 1 ? IrcMessage.of("JOIN", joined, args[1]) : IrcMessage.of("JOIN", joined);
        ChannelCommands.send(invocation, connection.get(), join);
    }
}
