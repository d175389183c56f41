package org.switchboard.feature.commands;

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
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.Session;

/**
 * {@code /me <action>}: a CTCP ACTION to the channel or nick of the current buffer. Long actions are split by
 * the protocol service, which keeps the ACTION framing in every part.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=me",
        CommandHandler.USAGE_PROPERTY + "=" + MeCommand.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Describe an action in the current channel or query" })
public final class MeCommand implements CommandHandler {

    static final String USAGE = "/me <action>";

    private final Session session;
    private final IrcProtocol protocol;

    @Activate
    public MeCommand(@Reference(name = "session") Session session,
            @Reference(name = "protocol") IrcProtocol protocol) {
        this.session = session;
        this.protocol = protocol;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        String action = invocation.arguments().strip();
        if (action.isEmpty()) {
            CommandSupport.usage(invocation, USAGE);
            return;
        }
        Optional<IrcConnection> connection = CommandSupport.connected(invocation);
        if (connection.isEmpty()) {
            return;
        }
        Optional<Buffer> buffer = session.find(invocation.network(), invocation.buffer());
        if (buffer.isEmpty() || buffer.get().type() == BufferType.SERVER) {
            invocation.error("/me only works in a channel or query");
            return;
        }
        String text;
        try {
            text = protocol.formatCtcp("ACTION", action);
        } catch (IrcProtocolException e) {
            invocation.error("Not sent: " + e.getMessage());
            return;
        }
        CommandSupport.sendText(invocation, connection.get(), protocol,
                IrcMessage.of("PRIVMSG", buffer.get().name(), text));
    }
}
