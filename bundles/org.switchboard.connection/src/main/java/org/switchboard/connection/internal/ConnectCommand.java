package org.switchboard.connection.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;

/**
 * {@code /connect}: alone, connects the current network again after {@code /quit} (or now, instead of waiting
 * out the back-off); with an address, opens a new network as {@code /server} does.
 */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=connect",
        CommandHandler.USAGE_PROPERTY + "=/connect [" + NewNetwork.USAGE + "]",
        CommandHandler.DESCRIPTION_PROPERTY + "=Connect the current network again, or connect to another server" })
public final class ConnectCommand implements CommandHandler {

    private final CommandHandler server;

    /** @param server {@code /server}, which does what {@code /connect} with an address does */
    @Activate
    public ConnectCommand(@Reference(target = "(" + CommandHandler.NAME_PROPERTY + "=server)") CommandHandler server) {
        this.server = server;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        if (invocation.argumentList().length > 0) {
            server.execute(invocation);
            return;
        }
        Optional<IrcConnection> connection = invocation.connection();
        if (connection.isEmpty()) {
            invocation.error("/connect alone needs a network: type it in its server, channel or query buffer, "
                    + "or give a server: /connect " + NewNetwork.USAGE);
            return;
        }
        ConnectionState state = connection.get().state();
        if (state != ConnectionState.DISCONNECTED && state != ConnectionState.WAITING_TO_RECONNECT) {
            invocation.error("Already connected to " + connection.get().network() + " (or connecting); /reconnect "
                    + "starts over");
            return;
        }
        connection.get().connect();
    }
}
