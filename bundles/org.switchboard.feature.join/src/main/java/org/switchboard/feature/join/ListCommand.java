package org.switchboard.feature.join;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;

/** {@code /list [>min] [<max] [words or #masks*]}: the network's channels, in a dialog while a skin runs. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=list",
        CommandHandler.USAGE_PROPERTY + "=" + ChannelFilter.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=List the network's channels, filtered by users, words or masks" })
public final class ListCommand implements CommandHandler {

    private final ChannelLists lists;

    @Activate
    public ListCommand(@Reference(name = "lists") ChannelLists lists) {
        this.lists = lists;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<ChannelFilter> filter = ChannelFilter.parse(invocation.arguments());
        if (filter.isEmpty()) {
            invocation.error("Usage: " + ChannelFilter.USAGE + " (a count after > or < is a number)");
            return;
        }
        Optional<IrcConnection> connection = ChannelCommands.connected(invocation);
        if (connection.isPresent()) {
            lists.request(invocation, connection.get(), filter.get());
        }
    }
}
