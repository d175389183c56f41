package org.switchboard.feature.commands;

import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;

/**
 * {@code /ctcp <nick|#channel> <query> [arguments]}: sends a CTCP query ({@code VERSION}, {@code TIME},
 * {@code CLIENTINFO}...); the answers show up in the server buffer. {@code ACTION} is /me's.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=ctcp",
        CommandHandler.USAGE_PROPERTY + "=" + CtcpCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Send a CTCP query (VERSION, TIME, CLIENTINFO...) to a nick or channel" })
public final class CtcpCommand implements CommandHandler {

    static final String USAGE = "/ctcp <nick|#channel> <query> [arguments]";

    private final IrcProtocol protocol;

    @Activate
    public CtcpCommand(@Reference(name = "protocol") IrcProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String[] args = invocation.argumentList();
        if (args.length < 2) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        String query = args[1].toUpperCase(Locale.ROOT);
        if (query.equals("ACTION")) {
            invocation.error("Use /me for an action");
            return;
        }
        send(invocation, args[0], query, CommandSupport.rest(invocation, 2).strip(), protocol);
    }

    /** Sends {@code query} to {@code target} as a CTCP PRIVMSG; false (after telling the user) when it could not. */
    static boolean send(CommandInvocation invocation, String target, String query, String arguments,
            IrcProtocol protocol) {
        if (!CommandSupport.validName(invocation, target)) {
            return false;
        }
        Optional<IrcConnection> connection = CommandSupport.connected(invocation);
        if (connection.isEmpty()) {
            return false;
        }
        String text;
        try {
            text = protocol.formatCtcp(query, arguments);
        } catch (IrcProtocolException e) {
            invocation.error("Not sent: " + e.getMessage());
            return false;
        }
        return CommandSupport.send(invocation, connection.get(), IrcMessage.of("PRIVMSG", target, text));
    }
}
