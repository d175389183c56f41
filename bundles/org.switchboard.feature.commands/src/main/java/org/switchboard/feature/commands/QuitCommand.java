package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;

/**
 * {@code /quit [reason]}: disconnects the current network and keeps it disconnected (no automatic reconnect);
 * the other networks stay connected. Also stops a pending reconnect attempt.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=quit",
        CommandHandler.USAGE_PROPERTY + "=/quit [reason]",
        CommandHandler.DESCRIPTION_PROPERTY + "=Disconnect from the current network" })
public final class QuitCommand implements CommandHandler {

    @Override
    public void execute(CommandInvocation invocation) {
        Optional<IrcConnection> connection = invocation.connection();
        if (connection.isEmpty()) {
            invocation.error("/quit needs a network: type it in a server, channel or query buffer");
            return;
        }
        if (connection.get().state() == ConnectionState.DISCONNECTED) {
            invocation.error("Not connected to " + connection.get().network());
            return;
        }
        String reason = invocation.arguments().strip();
        connection.get().disconnect(reason.isEmpty() ? null : reason);
    }
}
