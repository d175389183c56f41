package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;

/**
 * {@code /reconnect [reason]}: quits the current network's link and connects again, rejoining its channels; a
 * network that is disconnected or waiting to reconnect connects now.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=reconnect",
        CommandHandler.USAGE_PROPERTY + "=/reconnect [reason]",
        CommandHandler.DESCRIPTION_PROPERTY + "=Quit the current network and connect again" })
public final class ReconnectCommand implements CommandHandler {

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<IrcConnection> connection = invocation.connection();
        if (connection.isEmpty()) {
            invocation.error("/reconnect needs a network: type it in a server, channel or query buffer");
            return;
        }
        ConnectionState state = connection.get().state();
        if (state == ConnectionState.REGISTERING || state == ConnectionState.CONNECTED) {
            // A QUIT first, so the server and the channel see a user leaving, not a link that died.
            String reason = invocation.arguments().strip();
            connection.get().disconnect(reason.isEmpty() ? "Reconnecting" : reason);
        }
        connection.get().connect();
    }
}
