package org.switchboard.feature.away;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;

/** {@code /back}: clears the away status (an AWAY without text), the counterpart of {@code /away <reason>}. */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=back",
        CommandHandler.USAGE_PROPERTY + "=/back",
        CommandHandler.DESCRIPTION_PROPERTY + "=Mark yourself as no longer away" })
public final class BackCommand implements CommandHandler {

    @Override
    public void execute(CommandInvocation invocation) {
        if (invocation.argumentList().length > 0) {
            invocation.error("Usage: /back (takes no arguments; use /away <reason> to go away)");
            return;
        }
        Optional<IrcConnection> connection = invocation.connection();
        if (connection.isEmpty()) {
            invocation.error("/back needs a network: type it in a server, channel or query buffer");
            return;
        }
        if (connection.get().state() != ConnectionState.CONNECTED) {
            invocation.error("Not connected to " + connection.get().network() + "; /back works once the connection is up");
            return;
        }
        if (!connection.get().send(IrcMessage.of("AWAY"))) {
            invocation.error("Could not send AWAY: the connection refused it");
        }
    }
}
