package org.switchboard.feature.commands;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;

/**
 * {@code /raw <line>}: sends a protocol line as typed. It is parsed first, so a malformed line is refused with
 * the parser's reason instead of reaching the server half-written; a source prefix is dropped because clients
 * must not send one.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=raw",
        CommandHandler.NAME_PROPERTY + "=quote",
        CommandHandler.USAGE_PROPERTY + "=" + RawCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Send a raw IRC protocol line" })
public final class RawCommand implements CommandHandler {

    static final String USAGE = "/raw <IRC line, e.g. PRIVMSG #chan :hello>";

    private final IrcProtocol protocol;

    @Activate
    public RawCommand(@Reference(name = "protocol") IrcProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String line = invocation.arguments().strip();
        if (line.isEmpty()) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        IrcMessage message;
        try {
            message = protocol.parse(line);
        } catch (IrcProtocolException e) {
            invocation.error("Not sent, malformed IRC line: " + e.getMessage());
            return;
        }
        IrcMessage outgoing = message.source() == null ? message : message.withSource(null);
        CommandSupport.connectedIn(invocation, ConnectionState.CONNECTED, ConnectionState.REGISTERING)
                .ifPresent(c -> CommandSupport.send(invocation, c, outgoing));
    }
}
